import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';

/** Text an attacker (or a careless client) sends: controls, injections, odd Unicode, sizes. */
const NASTY_TEXT = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u0003',
  '\u001b[31mred',
  'line\nbreak',
  'tab\there',
  '\r\n',
  '\u007f',
  '\u0085',
  '\ud800',
  'x\udc00',
  'Cafe\u0301',
  '\u202eevil',
  '\ufeffbom',
  '\uffff',
  '😀👍🏽',
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  "Robert'); DELETE FROM builds;--",
  '$1',
  '%s%n%x',
  '${jndi:ldap://127.0.0.1/a}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '\\',
  '\\u0000',
  'null',
  'undefined',
  'NaN',
  '-1',
  '9'.repeat(40),
  '__proto__',
  'constructor',
];

/** Chat codes: empty, truncated, wrong type byte, bad base64, huge, valid-looking noise. */
const chatCode = fc.oneof(
  fc.constantFrom('[&]', '[&DQ==]', '[&AA==]', '[&DQ]', '[&!!!!]', '&DQ==', '[&DQ==', '[[&DQ==]]'),
  fc.base64String({ maxLength: 120 }).map((b64) => `[&${b64}]`),
  fc
    .uint8Array({ minLength: 1, maxLength: 80 })
    .map((bytes) => `[&${Buffer.from([0x0d, ...bytes]).toString('base64')}]`),
);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_TEXT) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 2, arbitrary: chatCode },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('x', '\u0000', 'é', '😀'), fc.integer({ min: 1_000, max: 60_000 }))
      .map(([unit, count]) => unit.repeat(count)),
  },
);

/** Ids and cursors: uuids (mostly of nothing), numbers, base64 noise, injections. */
export const hostileId: fc.Arbitrary<unknown> = fc.oneof(
  fc.uuid(),
  fc.constant('00000000-0000-0000-0000-000000000000'),
  fc.base64String({ maxLength: 60 }),
  fc.integer(),
  hostileString,
);

const hostileInt = fc.oneof(
  fc.integer({ min: -100, max: 100 }),
  fc.constantFrom(0, -1, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 1e308),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constant('1'),
);

/** Anything JSON can carry: the wrong type for whatever field receives it. */
const wrongType = fc.jsonValue({ maxDepth: 2 });

/**
 * A value for an input type of the schema: mostly shaped like the type, often hostile inside,
 * sometimes null where null is not allowed, sometimes of the wrong type altogether.
 */
export function valueFor(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 4) return fc.constant(null);
  if (isNonNullType(type))
    return fc.oneof(
      { weight: 12, arbitrary: valueFor(type.ofType, depth) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  const shaped = shapedValue(type, depth);
  return fc.oneof(
    { weight: 10, arbitrary: shaped },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: wrongType },
  );
}

function shapedValue(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueFor(type, depth);
  if (isListType(type)) {
    const item = valueFor(type.ofType, depth + 1);
    return fc.oneof(
      { weight: 6, arbitrary: fc.array(item, { maxLength: 4 }) },
      { weight: 2, arbitrary: item },
      // Batches past every documented maximum (50 codes, 100 members...).
      {
        weight: 1,
        arbitrary: fc
          .tuple(item, fc.integer({ min: 51, max: 400 }))
          .map(([value, count]) => Array.from({ length: count }, () => value)),
      },
    );
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const model = Object.fromEntries(
      fields.map((field) => [field.name, valueFor(field.type, depth + 1)]),
    );
    return fc.oneof(
      { weight: 8, arbitrary: fc.record(model, { requiredKeys: [] }) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.record(model, { requiredKeys: [] }), fc.string({ maxLength: 8 }), wrongType)
          .map(([value, key, extra]) => ({ ...value, [key || 'unknown']: extra })),
      },
    );
  }
  if (isEnumType(type))
    return fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...type.getValues().map((value) => value.name)) },
      { weight: 1, arbitrary: hostileString },
    );
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return hostileInt;
      case 'Float':
        return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), hostileInt);
      case 'Boolean':
        return fc.oneof(fc.boolean(), fc.constantFrom('true', 0, 1));
      case 'ID':
        return hostileId;
      default:
        return hostileString;
    }
  }
  return wrongType;
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/**
 * The value as a GraphQL literal for `type` (enum names bare, objects with name keys). Values
 * that have no literal form are printed as the nearest thing, which the parser may refuse:
 * that is a case too.
 */
export function printLiteral(value: unknown, type: GraphQLInputType): string {
  const named = getNamedType(type);
  const inner = isNonNullType(type) ? type.ofType : type;
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) {
    const item = isListType(inner) ? inner.ofType : inner;
    return `[${value.map((entry) => printLiteral(entry, item)).join(', ')}]`;
  }
  if (typeof value === 'object') {
    const fields = isInputObjectType(named) ? named.getFields() : {};
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key]) => NAME.test(key))
      .map(([key, entry]) => {
        const fieldType = fields[key]?.type ?? named;
        return `${key}: ${printLiteral(entry, fieldType as GraphQLInputType)}`;
      });
    return `{${entries.join(', ')}}`;
  }
  if (typeof value === 'string') {
    if (isEnumType(named) && NAME.test(value)) return value;
    return JSON.stringify(value);
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  return String(value);
}
