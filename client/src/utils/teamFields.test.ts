import { describe, expect, it } from 'vitest';
import { sizeForMode, teamFieldsValid, type TeamFields } from './teamFields';

const raid: TeamFields = { name: 'Raid night', gameMode: 'RAID', size: 10, visibility: 'PRIVATE' };

describe('teamFieldsValid', () => {
  it('accepts a named team whose size the mode allows', () => {
    expect(teamFieldsValid(raid)).toBe(true);
    expect(teamFieldsValid({ ...raid, size: 1 })).toBe(true);
  });

  it('refuses a blank or too long name', () => {
    expect(teamFieldsValid({ ...raid, name: '   ' })).toBe(false);
    expect(teamFieldsValid({ ...raid, name: 'x'.repeat(101) })).toBe(false);
    expect(teamFieldsValid({ ...raid, name: ` ${'x'.repeat(100)} ` })).toBe(true);
  });

  it('refuses a size outside 1..the mode’s maximum or not whole', () => {
    expect(teamFieldsValid({ ...raid, size: 0 })).toBe(false);
    expect(teamFieldsValid({ ...raid, size: 11 })).toBe(false);
    expect(teamFieldsValid({ ...raid, size: 2.5 })).toBe(false);
    // An emptied number input gives v-model.number an empty string.
    expect(teamFieldsValid({ ...raid, size: '' as unknown as number })).toBe(false);
    expect(teamFieldsValid({ ...raid, gameMode: 'ZERG', size: 50 })).toBe(true);
  });
});

describe('sizeForMode', () => {
  it('follows the new mode’s full squad when the size was the old one’s', () => {
    expect(sizeForMode(10, 'RAID', 'ZERG')).toBe(50);
    expect(sizeForMode(50, 'ZERG', 'FRACTALS')).toBe(5);
  });

  it('keeps a chosen size, cut to the new mode’s maximum', () => {
    expect(sizeForMode(7, 'RAID', 'ZERG')).toBe(7);
    expect(sizeForMode(8, 'RAID', 'FRACTALS')).toBe(5);
  });
});
