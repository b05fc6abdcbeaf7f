/**
 * The rules every text a caller sends must follow, whatever the field: no control characters
 * (PostgreSQL refuses U+0000 in text, and the others are never meant as text), well-formed
 * UTF-16 (no lone surrogates), and stored in Unicode NFC so that "é" typed two ways is one
 * name. Multi-line fields (notes, free-text requests) may also hold tab, line feed and CR.
 */

// C0 controls, DEL and C1 controls; tab, LF and CR are checked separately.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type TextProblem = 'CONTROL_CHARACTER' | 'LINE_BREAK' | 'MALFORMED_UNICODE';

export interface TextRules {
  /** Tab, line feed and carriage return are allowed. */
  readonly multiLine: boolean;
  /** Kept exactly as sent (passwords: normalising would change what was hashed). */
  readonly verbatim: boolean;
}

/** What is wrong with `value` under `rules`, or null. */
export function textProblem(value: string, rules: TextRules): TextProblem | null {
  if (CONTROL.test(value)) return 'CONTROL_CHARACTER';
  if (!rules.multiLine && LINE_BREAK_OR_TAB.test(value)) return 'LINE_BREAK';
  if (LONE_SURROGATE.test(value)) return 'MALFORMED_UNICODE';
  return null;
}

/** The text as stored: NFC unless verbatim. Call only on text without a problem. */
export function normaliseText(value: string, rules: TextRules): string {
  return rules.verbatim ? value : value.normalize('NFC');
}

export const TEXT_PROBLEM_MESSAGES: Record<TextProblem, string> = {
  CONTROL_CHARACTER: 'must not contain control characters',
  LINE_BREAK: 'must be a single line (no tabs or line breaks)',
  MALFORMED_UNICODE: 'is not valid Unicode text',
};

/**
 * Schema coordinates (`Type.field` of an input type, `Type.field(arg)` of an argument) whose
 * text may span lines, and those kept verbatim. Everything else is one line and NFC.
 */
export const MULTI_LINE_INPUTS: ReadonlySet<string> = new Set([
  'CreateBuildInput.notes',
  'UpdateBuildInput.notes',
  'ComposeSquadInput.request',
]);

export const VERBATIM_INPUTS: ReadonlySet<string> = new Set([
  'LoginInput.password',
  'RegisterInput.password',
  'ChangePasswordInput.currentPassword',
  'ChangePasswordInput.newPassword',
  'Mutation.deleteAccount(password)',
]);

export function textRulesFor(coordinate: string): TextRules {
  const verbatim = VERBATIM_INPUTS.has(coordinate);
  // A password may hold any printable text, tabs included: refusing it now would lock out
  // whoever chose one.
  return { multiLine: verbatim || MULTI_LINE_INPUTS.has(coordinate), verbatim };
}
