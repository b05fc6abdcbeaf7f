import { describe, expect, it } from 'vitest';
import { enumLabel } from './labels';

describe('enumLabel', () => {
  it('turns enum values into words', () => {
    expect(enumLabel('CONDITION_CLEANSE')).toBe('Condition cleanse');
    expect(enumLabel('MIGHT')).toBe('Might');
    expect(enumLabel('')).toBe('');
  });
});
