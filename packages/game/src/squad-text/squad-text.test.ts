import { describe, expect, it } from 'vitest';
import { SQUAD_CHAT_LINE_LIMIT, formatSquadText, type SquadTextInput } from './squad-text.js';

const reset: SquadTextInput = {
  name: 'Reset night',
  gameMode: 'ZERG',
  size: 15,
  subgroups: [
    {
      number: 1,
      members: [
        { player: 'Fira', build: 'Stab FB', spec: 'Firebrand', role: 'Party stability core' },
        { player: null, build: 'Banner Berserker', spec: 'Berserker', role: 'Damage' },
      ],
      missing: ['HEALING'],
    },
    { number: 2, members: [], missing: ['STABILITY', 'HEALING'] },
    { number: 3, members: [], missing: [] },
  ],
  squadMissing: ['BOON_STRIP'],
};

describe('formatSquadText', () => {
  it('writes one squad-chat line per subgroup: players, builds, roles and what is missing', () => {
    expect(formatSquadText(reset, 'SQUAD_CHAT')).toBe(
      [
        'Reset night — WvW zerg, 2/15',
        'G1: Fira (Firebrand, Party stability core) | Banner Berserker (Berserker, Damage) | NEEDS healing',
        'G2: empty | NEEDS stability, healing',
        'Squad NEEDS boon strip',
      ].join('\n'),
    );
  });

  it('writes Discord markdown with a heading, a list per subgroup and missing boons quoted', () => {
    expect(formatSquadText(reset, 'DISCORD')).toBe(
      [
        '## Reset night',
        'WvW zerg · 2/15 players',
        '',
        '**Subgroup 1** (2/5)',
        '- **Fira** — Firebrand · Party stability core · Stab FB',
        '- **Banner Berserker** — Berserker · Damage',
        '> ⚠️ Missing: healing',
        '',
        '**Subgroup 2** (0/5)',
        '- *empty*',
        '> ⚠️ Missing: stability, healing',
        '',
        '**Subgroup 3** (0/5)',
        '- *empty*',
        '',
        '> ⚠️ Squad missing: boon strip',
      ].join('\n'),
    );
  });

  it('escapes markdown in names players choose', () => {
    const text = formatSquadText(
      {
        ...reset,
        name: '*Zerg* #1',
        subgroups: [
          {
            number: 1,
            members: [{ player: 'x_Dark_x', build: null, spec: null, role: null }],
            missing: [],
          },
        ],
        squadMissing: [],
      },
      'DISCORD',
    );
    expect(text).toContain('## \\*Zerg\\* \\#1');
    expect(text).toContain('- **x\\_Dark\\_x**');
  });

  it('keeps every squad-chat line within the chat box, continuing a long subgroup', () => {
    const long = 'Commander With A Very Long Name';
    const text = formatSquadText(
      {
        ...reset,
        subgroups: [
          {
            number: 1,
            members: Array.from({ length: 5 }, (_, index) => ({
              player: `${long} ${index + 1}`,
              build: 'x',
              spec: 'Firebrand',
              role: 'Heal quickness',
            })),
            missing: ['ALACRITY'],
          },
        ],
        squadMissing: [],
      },
      'SQUAD_CHAT',
    );
    const lines = text.split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(SQUAD_CHAT_LINE_LIMIT);
    expect(lines.slice(1).every((line) => line.startsWith('G1: '))).toBe(true);
    expect(text).toContain(`${long} 5 (Firebrand, Heal quickness)`);
    expect(text).toContain('NEEDS alacrity');
  });
});
