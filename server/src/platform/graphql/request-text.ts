import {
  Kind,
  TypeInfo,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type StringValueNode,
  type ValueNode,
} from 'graphql';
import { BadUserInputError } from './errors.js';
import {
  TEXT_PROBLEM_MESSAGES,
  normaliseText,
  textProblem,
  textRulesFor,
  type TextRules,
} from './input-text.js';

/** Where a variable lands: its input type, the argument path and the schema coordinate. */
interface VariableUse {
  readonly name: string;
  readonly type: GraphQLInputType;
  readonly path: string;
  readonly coordinate: string;
}

interface DocumentTextPlan {
  /** The first literal of the document that breaks the text rules. */
  readonly literalError: BadUserInputError | null;
  readonly uses: readonly VariableUse[];
}

/** Variable defaults are checked for control characters only (they are not tied to one field). */
const DEFAULT_RULES: TextRules = { multiLine: true, verbatim: true };

function refusal(path: string, problem: keyof typeof TEXT_PROBLEM_MESSAGES): BadUserInputError {
  return new BadUserInputError(
    `${path} ${TEXT_PROBLEM_MESSAGES[problem]}.`,
    { field: path, reason: problem },
    400,
  );
}

/**
 * Walks the literals of a document once (normalising them in place, so a cached document is
 * stored normalised) and records where each variable lands.
 */
function planDocument(schema: GraphQLSchema, document: DocumentNode): DocumentTextPlan {
  const uses: VariableUse[] = [];
  let literalError: BadUserInputError | null = null;

  const walk = (
    node: ValueNode,
    type: GraphQLInputType,
    path: string,
    coordinate: string,
    rules?: TextRules,
  ): void => {
    if (node.kind === Kind.VARIABLE) {
      uses.push({ name: node.name.value, type, path, coordinate });
      return;
    }
    if (isNonNullType(type)) return walk(node, type.ofType, path, coordinate, rules);
    if (isListType(type)) {
      if (node.kind !== Kind.LIST) return walk(node, type.ofType, path, coordinate, rules);
      node.values.forEach((item, index) =>
        walk(item, type.ofType, `${path}[${index}]`, coordinate, rules),
      );
      return;
    }
    if (isInputObjectType(type)) {
      if (node.kind !== Kind.OBJECT) return;
      const fields = type.getFields();
      for (const field of node.fields) {
        const definition = fields[field.name.value];
        if (!definition) continue; // validation reports it
        walk(
          field.value,
          definition.type,
          `${path}.${field.name.value}`,
          `${type.name}.${definition.name}`,
          rules,
        );
      }
      return;
    }
    if (isScalarType(type) && node.kind === Kind.STRING) {
      const textRules = rules ?? textRulesFor(coordinate);
      const problem = textProblem(node.value, textRules);
      if (problem) {
        literalError ??= refusal(path, problem);
        return;
      }
      // AST nodes are plain objects; the normalised text is what every later request reads.
      (node as { value: string } & StringValueNode).value = normaliseText(node.value, textRules);
    }
  };

  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      VariableDefinition(definition) {
        const type = typeFromAST(schema, definition.type);
        if (definition.defaultValue && type) {
          const name = `$${definition.variable.name.value}`;
          walk(definition.defaultValue, type as GraphQLInputType, name, name, DEFAULT_RULES);
        }
        return false;
      },
      Argument(argument) {
        const definition = typeInfo.getArgument();
        if (!definition) return false;
        const field = typeInfo.getFieldDef();
        const directive = typeInfo.getDirective();
        const owner = field
          ? `${typeInfo.getParentType()?.name ?? ''}.${field.name}`
          : `@${directive?.name ?? ''}`;
        walk(
          argument.value,
          definition.type,
          argument.name.value,
          `${owner}(${argument.name.value})`,
        );
        return false;
      },
    }),
  );
  return { literalError, uses };
}

function checkValue(
  holder: Record<string | number, unknown>,
  key: string | number,
  type: GraphQLInputType,
  path: string,
  coordinate: string,
): void {
  const value = holder[key];
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return checkValue(holder, key, type.ofType, path, coordinate);
  if (isListType(type)) {
    if (!Array.isArray(value)) return checkValue(holder, key, type.ofType, path, coordinate);
    for (let index = 0; index < value.length; index++)
      checkValue(
        value as unknown as Record<number, unknown>,
        index,
        type.ofType,
        `${path}[${index}]`,
        coordinate,
      );
    return;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object' || Array.isArray(value)) return;
    const object = value as Record<string, unknown>;
    for (const [name, definition] of Object.entries(type.getFields())) {
      if (Object.hasOwn(object, name))
        checkValue(object, name, definition.type, `${path}.${name}`, `${type.name}.${name}`);
    }
    return;
  }
  if (isScalarType(type) && typeof value === 'string') {
    const rules = textRulesFor(coordinate);
    const problem = textProblem(value, rules);
    if (problem) throw refusal(path, problem);
    holder[key] = normaliseText(value, rules);
  }
}

export type RequestTextChecker = (
  document: DocumentNode,
  variables: Record<string, unknown> | undefined | null,
) => void;

/**
 * One check of every text a request carries, literals and variables, on both transports and
 * before any resolver runs: a refusal is a BAD_USER_INPUT naming the argument path (e.g.
 * `input.name`). Variables are normalised in place. Plans are remembered per parsed document
 * (both transports cache their documents, so this is one walk per distinct document).
 */
export function createRequestTextChecker(schema: GraphQLSchema): RequestTextChecker {
  const plans = new WeakMap<DocumentNode, DocumentTextPlan>();
  return (document, variables) => {
    let plan = plans.get(document);
    if (!plan) {
      plan = planDocument(schema, document);
      plans.set(document, plan);
    }
    if (plan.literalError) throw plan.literalError;
    if (!variables || typeof variables !== 'object') return;
    for (const use of plan.uses) {
      if (Object.hasOwn(variables, use.name))
        checkValue(variables, use.name, use.type, use.path, use.coordinate);
    }
  };
}
