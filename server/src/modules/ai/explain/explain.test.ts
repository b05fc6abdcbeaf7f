import { describe, expect, it } from 'vitest';
import { optimizeSquadPlan } from '../../optimizer/optimizer.service.js';
import { SquadPool, type OptimizeSquadInput } from '../../optimizer/optimizer.inputs.js';
import { adviceForBuild } from '../../optimizer/advice.service.js';
import { synergyFor } from '../../teams/synergy.resolver.js';
import type { AnalyzeSynergyInput } from '../../teams/team.inputs.js';
import { adviceFacts, benchOf, planFacts, synergyFacts } from './facts.js';
import { checkGrounding } from './grounding.js';
import { adviceExplanation, planExplanation, synergyExplanation } from './templates.js';

const noBuilds = async () => new Map();

describe('plan facts and template', () => {
  it('writes the same readable text for the same plan, naming subgroups, members and gaps', async () => {
    const plan = await optimizeSquadPlan(
      { gameMode: 'RAID', size: 10, pool: SquadPool.META } as OptimizeSquadInput,
      null,
      noBuilds,
    );
    const text = planExplanation(plan);
    expect(text).toBe(planExplanation(plan));
    expect(text).toMatch(/^Raid squad of 10 in 2 subgroups: proven optimal in/);
    expect(text).toContain('Subgroup 1: Slot 1 as');
    expect(text).toContain('Subgroup 2:');
    expect(text).toMatch(/Every requirement of the mode is covered\.|Not covered: /);
    // The template is grounded in its own facts.
    expect(checkGrounding(text, planFacts(plan)).grounded).toBe(true);
  });

  it('names the bench and what the request did not say', async () => {
    const plan = await optimizeSquadPlan(
      { gameMode: 'FRACTALS', size: 5, pool: SquadPool.META } as OptimizeSquadInput,
      null,
      noBuilds,
    );
    const text = planExplanation(plan, { bench: ['Zed'], notUnderstood: ['two condi'] });
    expect(text).toContain('Not placed: Zed.');
    expect(text).toContain('Not used from the request: “two condi”.');
    expect(benchOf(plan, ['Zed'])).toEqual(['Zed']);
  });
});

describe('grounding check', () => {
  const facts = planFacts({
    gameMode: 'RAID',
    size: 10,
    status: 'OPTIMAL',
    solveTimeMs: 3,
    coverage: { score: 90 },
    subgroups: [
      {
        number: 1,
        provides: ['QUICKNESS', 'HEALING', 'MIGHT'],
        members: [
          {
            playerName: 'Alice',
            slot: 1,
            subgroup: 1,
            specialization: 'Firebrand',
            profession: 'Guardian',
            roleLabel: 'Quickness heal',
            provides: ['QUICKNESS', 'HEALING', 'MIGHT'],
            locked: false,
          },
        ],
      },
    ],
    gaps: [{ capability: 'ALACRITY', message: 'Subgroup 1 has no alacrity source' }],
  });

  it('accepts a text that names only what the plan holds', () => {
    const text =
      'Alice plays Firebrand, a Guardian who brings Quickness and might stacks. Subgroup 1 still needs Alacrity.';
    expect(checkGrounding(text, facts, ['Alice'])).toEqual({ grounded: true, issues: [] });
  });

  it('flags an elite, a profession, a boon and a player absent from the plan', () => {
    const text =
      'Bob on Scourge covers Resistance while the Necromancers and Alice keep Quickness up.';
    const result = checkGrounding(text, facts, ['Alice', 'Bob']);
    expect(result.grounded).toBe(false);
    expect(result.issues).toEqual(
      expect.arrayContaining([
        { kind: 'ELITE', term: 'Scourge' },
        { kind: 'PROFESSION', term: 'Necromancer' },
        { kind: 'BOON', term: 'Resistance' },
        { kind: 'PLAYER', term: 'Bob' },
      ]),
    );
    expect(result.issues).toHaveLength(4);
  });

  it('does not take the verb "might" for the boon, nor a word that only contains a name', () => {
    const text = 'You might swap Alice later; the Firebrand is a Guardian. Fury would help.';
    const result = checkGrounding(text, facts);
    expect(result.issues).toEqual([{ kind: 'BOON', term: 'Fury' }]);
    expect(checkGrounding('Reapers and Mightiness', facts).issues).toEqual([
      { kind: 'ELITE', term: 'Reaper' },
    ]);
  });
});

describe('advice and synergy templates', () => {
  it('explains a build review from the advice and stays grounded', () => {
    const advice = adviceForBuild(
      {
        id: 'b1',
        profession: 'Guardian',
        specializations: [
          { id: 42, traitChoices: [0, 0, 0] },
          { id: 16, traitChoices: [0, 0, 0] },
          { id: 62, traitChoices: [0, 0, 0] },
        ],
      },
      'RAID',
    );
    const text = adviceExplanation(advice);
    expect(text).toMatch(/^Firebrand \(Guardian\) in Raid\./);
    expect(text).toContain('Roles it can fill:');
    expect(checkGrounding(text, adviceFacts(advice))).toEqual({ grounded: true, issues: [] });
  });

  it('explains a synergy and stays grounded', () => {
    const synergy = synergyFor({
      gameMode: 'RAID',
      entries: [{ specialization: 'Firebrand' }, { specialization: 'Renegade' }],
    } as AnalyzeSynergyInput);
    const text = synergyExplanation(synergy);
    expect(text).toMatch(
      /^Firebrand and Renegade as one Raid subgroup: synergy score \d+ of 100\./,
    );
    expect(checkGrounding(text, synergyFacts(synergy))).toEqual({ grounded: true, issues: [] });
    expect(checkGrounding('Add a Scourge for Resistance.', synergyFacts(synergy)).grounded).toBe(
      false,
    );
  });
});
