import { describe, expect, it } from 'vitest';
import { normaliseText, textProblem, textRulesFor } from './input-text.js';

const singleLine = textRulesFor('CreateTeamInput.name');
const multiLine = textRulesFor('CreateBuildInput.notes');
const password = textRulesFor('LoginInput.password');

describe('text rules', () => {
  it('refuses NUL, other C0 controls, DEL and C1 controls everywhere', () => {
    for (const text of ['a\u0000', '\u0001', 'x\u001b[31m', 'x\u007f', 'x\u0085'])
      for (const rules of [singleLine, multiLine, password])
        expect(textProblem(text, rules)).toBe('CONTROL_CHARACTER');
  });

  it('allows tab and line breaks only where the field is multi-line', () => {
    expect(textProblem('a\nb', singleLine)).toBe('LINE_BREAK');
    expect(textProblem('a\tb', singleLine)).toBe('LINE_BREAK');
    expect(textProblem('a\r\n\tb', multiLine)).toBeNull();
    expect(textProblem('pass\tword', password)).toBeNull();
  });

  it('refuses lone surrogates and accepts pairs', () => {
    expect(textProblem('x\ud800', singleLine)).toBe('MALFORMED_UNICODE');
    expect(textProblem('\udc00x', singleLine)).toBe('MALFORMED_UNICODE');
    expect(textProblem('ok \ud83d\ude00', singleLine)).toBeNull();
  });

  it('stores NFC except verbatim fields (passwords)', () => {
    expect(normaliseText('Cafe\u0301', singleLine)).toBe('Caf\u00e9');
    expect(normaliseText('Cafe\u0301', password)).toBe('Cafe\u0301');
  });
});
