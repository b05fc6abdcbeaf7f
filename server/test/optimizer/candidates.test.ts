import { decodeBuildCode } from '@gw2/game';
import { describe, expect, it } from 'vitest';
import {
  TRAITS_ONLY_ROLE,
  candidatesForBuild,
  pruneDominated,
  type BuildCandidate,
} from '../../src/modules/optimizer/candidates.js';
import { realCode } from './plan.documents.js';

function source(name: string, declaredRoles?: string[]) {
  const chatCode = realCode(name);
  return { buildId: null, chatCode, template: decodeBuildCode(chatCode), declaredRoles };
}

describe('candidatesForBuild', () => {
  it('offers the role the chat code shows, with the role’s capabilities', () => {
    const amalgam = candidatesForBuild(source('Power (Alac) Amalgam'), 'PVE');
    expect(amalgam.map((c) => c.roleKey)).toEqual(['alacrity-dps']);
    expect(amalgam[0]).toMatchObject({ specialization: 'Amalgam', profession: 'Engineer' });
    expect(amalgam[0]?.provides).toEqual(expect.arrayContaining(['ALACRITY', 'DAMAGE']));
    const healer = candidatesForBuild(source('Heal Alacrity Mechanist'), 'PVE');
    expect(healer.map((c) => c.roleKey)).toEqual(['heal-alacrity']);
  });

  it('takes the player’s role first, then the declared roles that exist in the context', () => {
    const chosen = candidatesForBuild(
      source('Power (Alac) Amalgam', ['alacrity-dps']),
      'PVE',
      'heal-alacrity',
    );
    expect(chosen.map((c) => c.roleKey)).toEqual(['heal-alacrity']);
    const declared = candidatesForBuild(source('Power (Alac) Amalgam', ['heal-alacrity']), 'PVE');
    expect(declared.map((c) => c.roleKey)).toEqual(['heal-alacrity']);
    // Declared roles of another context do not narrow anything: the inferred role stays.
    const other = candidatesForBuild(source('Power (Alac) Amalgam', ['stability-core']), 'PVE');
    expect(other.map((c) => c.roleKey)).toEqual(['alacrity-dps']);
  });

  it('offers what the traits share when no role is known in the context', () => {
    const renegade = candidatesForBuild(source('Power Alac Renegade'), 'WVW');
    expect(renegade).toEqual([
      expect.objectContaining({ specialization: 'Renegade', roleKey: TRAITS_ONLY_ROLE.key }),
    ]);
  });

  it('falls back to what the traits share for a core build', () => {
    const core = candidatesForBuild(source('Ranger with weapons and skill variants'), 'PVE');
    expect(core).toEqual([
      expect.objectContaining({
        specialization: 'Ranger',
        roleKey: TRAITS_ONLY_ROLE.key,
        provides: ['FURY', 'REGENERATION'],
      }),
    ]);
  });
});

describe('pruneDominated', () => {
  const base = { source: source('Power Weaver'), profession: 'Elementalist', roleLabel: 'x' };
  const option = (
    specialization: string,
    roleKey: string,
    provides: BuildCandidate['provides'],
  ) => ({
    ...base,
    specialization,
    roleKey,
    provides,
  });

  it('drops an option another of the same specialization matches or beats, keeping the first of equals', () => {
    const weak = option('Weaver', 'a', ['DAMAGE']);
    const strong = option('Weaver', 'b', ['FURY', 'DAMAGE']);
    const twin = option('Weaver', 'c', ['FURY', 'DAMAGE']);
    const otherSpec = option('Tempest', 'd', ['DAMAGE']);
    expect(pruneDominated([weak, strong, twin, otherSpec], () => false)).toEqual([
      strong,
      otherSpec,
    ]);
  });

  it('keeps what a lock names', () => {
    const weak = option('Weaver', 'a', ['DAMAGE']);
    const strong = option('Weaver', 'b', ['FURY', 'DAMAGE']);
    expect(pruneDominated([weak, strong], (c) => c === weak)).toEqual([weak, strong]);
  });
});
