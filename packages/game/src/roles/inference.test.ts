import { describe, expect, it } from 'vitest';
import realCodes from '../codec/real-build-codes.json' with { type: 'json' };
import { decodeBuildCode, type BuildTemplate } from '../codec/index.js';
import { eliteRolesFor, listEliteRoles, rolesDataInfo } from './roles.js';
import { inferRole, markersFoundIn, resolveRole } from './index.js';
import { parseMarkers } from './markers.js';

function template(name: string): BuildTemplate {
  const entry = realCodes.codes.find((c) => c.name === name);
  if (!entry) throw new Error(`no real code named ${name}`);
  return decodeBuildCode(entry.code);
}

describe('inferRole on real chat codes labelled with the role their source names', () => {
  it('has a label for every code of real-build-codes.json', () => {
    for (const entry of realCodes.codes) {
      expect(entry, entry.name).toHaveProperty('pveRole');
      expect(entry.roleNamedBy, entry.name).toEqual(expect.any(String));
    }
  });

  for (const entry of realCodes.codes) {
    it(`${entry.name} plays ${entry.pveRole ?? 'no inferable role'} in PvE`, () => {
      const inference = inferRole(decodeBuildCode(entry.code), 'PVE');
      expect(inference.role?.key ?? null, inference.summary).toBe(entry.pveRole);
      if (entry.pveRole !== null) expect(inference.confidence).not.toBeNull();
    });
  }

  it('covers every role the sources name: alacrity, quickness, banners, heals and damage', () => {
    const labels = new Set(realCodes.codes.map((c) => c.pveRole));
    for (const key of [
      'alacrity-dps',
      'quickness-dps',
      'banner-dps',
      'heal-alacrity',
      'heal-quickness',
      'dps',
    ]) {
      expect(labels.has(key), key).toBe(true);
    }
  });
});

describe('what an inference says', () => {
  it('names its evidence, its confidence and the alternatives with what they lack', () => {
    const inference = inferRole(template('Power Alac Renegade'), 'PVE');
    expect(inference).toMatchObject({
      context: 'PVE',
      elite: 'Renegade',
      role: { key: 'alacrity-dps' },
      confidence: 'HIGH',
    });
    expect(inference.evidence.map((e) => e.label)).toEqual([
      'Righteous Rebel (trait)',
      'Legendary Renegade Stance (legend)',
    ]);
    expect(inference.evidence[0]?.sources).toContain('discretize-alac-renegade');
    const heal = inference.alternatives.find((c) => c.option.key === 'heal-alacrity');
    expect(heal).toMatchObject({ qualifies: false });
    expect(heal?.missing).toBe('no healing marker (Salvation line or Legendary Centaur Stance)');
    expect(inference.summary).toBe(
      'Alacrity DPS (high confidence): Righteous Rebel (trait), Legendary Renegade Stance (legend).',
    );
  });

  it('reads a banner build from its skills by palette id', () => {
    const inference = inferRole(template('Banner Berserker'), 'PVE');
    expect(inference.role?.provides).toEqual(['MIGHT', 'FURY', 'DAMAGE']);
    expect(inference.evidence.map((e) => e.kind)).toEqual(['SKILL', 'SKILL', 'TRAIT']);
  });

  it('needs a healing marker and the boon marker for a heal role', () => {
    const healer = inferRole(template('Heal Alacrity Mechanist'), 'PVE');
    expect(healer.role?.key).toBe('heal-alacrity');
    expect(healer.evidence.filter((e) => e.heal).length).toBeGreaterThan(0);
    const dps = inferRole(template('Power Alacrity Mechanist (Snow Crows)'), 'PVE');
    expect(dps.role?.key).toBe('alacrity-dps');
    expect(dps.alternatives.find((c) => c.option.key === 'heal-alacrity')?.missing).toMatch(
      /^no healing marker \(Inventions line, Alchemy line, Med Kit/,
    );
  });

  it('falls back to DPS with low confidence when a support role has some evidence but not enough', () => {
    const inference = inferRole(template('Power Renegade (Snow Crows)'), 'PVE');
    expect(inference).toMatchObject({ role: { key: 'dps' }, confidence: 'LOW' });
    const alacrity = inference.alternatives.find((c) => c.option.key === 'alacrity-dps');
    expect(alacrity).toMatchObject({ score: 1, qualifies: false });
    expect(alacrity?.missing).toBe('not enough evidence (missing Righteous Rebel)');
  });

  it('is sure of a role that is the only one the sources list', () => {
    expect(inferRole(template('Power Weaver'), 'PVE')).toMatchObject({
      role: { key: 'dps' },
      confidence: 'HIGH',
      summary: 'DPS (high confidence): the only PvE role the sources list for Weaver.',
    });
  });

  it('counts a selected trait whose API facts share a key boon with allies', () => {
    // The Snow Crows damage Tempest with Elemental Bastion (shares alacrity with 5 targets) in
    // the grandmaster slot: evidence for alacrity, though not enough on its own.
    const base = template('Power Tempest (Snow Crows)');
    const lines = base.specializations.map((line) =>
      line.specializationId === 48
        ? { ...line, majorTraitIds: [line.majorTraitIds[0], line.majorTraitIds[1], 1986] as const }
        : line,
    );
    const changed = { ...base, specializations: [lines[0], lines[1], lines[2]] } as BuildTemplate;
    const inference = inferRole(changed, 'PVE');
    const alacrity = inference.alternatives.find((c) => c.option.key === 'alacrity-dps');
    expect(alacrity?.evidence).toEqual([
      expect.objectContaining({
        kind: 'TRAIT_BOON',
        weight: 2,
        label: expect.stringMatching(/^Elemental Bastion/),
      }),
    ]);
    expect(inference).toMatchObject({ role: { key: 'dps' }, confidence: 'LOW' });
  });

  it('leaves the role unknown rather than guess', () => {
    expect(inferRole(template('Ranger with weapons and skill variants'), 'PVE')).toMatchObject({
      elite: null,
      role: null,
      confidence: null,
    });
    expect(inferRole(template('Power Alac Renegade'), 'WVW')).toMatchObject({
      role: null,
      summary: 'No public source lists a WvW role for Renegade.',
    });
    // A damage Scrapper is not a WvW party healer, the Scrapper's only WvW role.
    const scrapper = inferRole(template('Power Scrapper (Snow Crows)'), 'WVW');
    expect(scrapper.role).toBeNull();
    expect(scrapper.alternatives[0]?.missing).toBe(
      'no healing marker (Inventions line, Alchemy line or Med Kit)',
    );
  });

  it('reads the WvW party roles of real codes from the WvW guides’ markers', () => {
    const firebrand = inferRole(template('Heal Firebrand'), 'WVW');
    expect(firebrand.role?.key).toBe('stability-core');
    expect(firebrand.evidence.map((e) => e.label)).toEqual([
      'Honor line',
      'Mantra of Liberation (skill)',
    ]);
    // The condition quickness Firebrand slots Mantra of Liberation but not Honor.
    expect(
      inferRole(template('Condition Quickness Firebrand (Snow Crows)'), 'WVW').role,
    ).toBeNull();
    expect(inferRole(template('Power Spellbreaker (Snow Crows)'), 'WVW').role?.key).toBe(
      'dps-strip',
    );
  });

  it('is plain serialisable data', () => {
    const inference = inferRole(template('Heal Firebrand'), 'PVE');
    expect(JSON.parse(JSON.stringify(inference))).toEqual(inference);
  });
});

describe('markersFoundIn', () => {
  const sources = new Set(['s']);
  it('matches pets, weapons, legends and trait lines of a template', () => {
    const markers = parseMarkers(
      {
        moa: { pet: 17, weight: 1, sources: ['s'] },
        gazelle: { pet: 59, weight: 1, sources: ['s'] },
        hammer: { weapon: { id: 51, name: 'Hammer' }, weight: 1, sources: ['s'] },
        staff: { weapon: { id: 89, name: 'Staff' }, weight: 1, sources: ['s'] },
      },
      'test',
      'Ranger',
      sources,
    );
    const found = (name: string) =>
      markersFoundIn(template(name), markers).map((marker) => marker.id);
    expect(found('Power Soulbeast')).toEqual(['moa', 'gazelle']);
    expect(found('Ranger with weapons and skill variants')).toEqual(['hammer']);
  });

  it('rejects markers the catalog does not know, of another profession, or unsourced', () => {
    const parse =
      (raw: Record<string, unknown>, profession = 'Revenant') =>
      () =>
        parseMarkers(raw as never, 'test', profession, sources);
    expect(parse({ x: { trait: 1, weight: 3, sources: ['s'] } })).toThrow(/unknown trait/);
    expect(parse({ x: { trait: 2182, weight: 3, sources: ['s'] } }, 'Guardian')).toThrow(
      /not a Guardian/,
    );
    expect(parse({ x: { legend: 5, weight: 4, sources: ['s'] } })).toThrow(/weight/);
    expect(parse({ x: { legend: 5, weight: 1, sources: ['nope'] } })).toThrow(/unknown source/);
    expect(parse({ x: { legend: 5, pet: 1, weight: 1, sources: ['s'] } })).toThrow(/exactly one/);
  });

  it('ships only markers of the elite’s own profession, every one used as evidence', () => {
    const renegade = eliteRolesFor('Renegade');
    const used = new Set(renegade.pve?.flatMap((option) => option.evidence));
    expect(renegade.markers.map((m) => m.id).filter((id) => !used.has(id))).toEqual([]);
  });
});

describe('skill markers come from sourced chat codes, never invented', () => {
  // The catalog snapshot has no skills (PROVENANCE.md): a skill marker's palette id must be read
  // from the land skill bar of a real chat code whose page is one of the marker's sources.
  const sourceNames = new Map(rolesDataInfo.sources.map((s) => [s.id, s.name]));
  const skillMarkers = listEliteRoles().flatMap((elite) =>
    elite.markers.filter((marker) => marker.kind === 'SKILL').map((marker) => ({ elite, marker })),
  );

  it('has skill markers to check', () => {
    expect(skillMarkers.length).toBeGreaterThan(0);
  });

  for (const { elite, marker } of skillMarkers) {
    it(`${elite.name} ${marker.label} (palette ${marker.value}) is in a code of its source`, () => {
      const codes = realCodes.codes.filter(
        (entry) =>
          entry.profession === elite.profession &&
          marker.sources.some((id) => sourceNames.get(id)?.startsWith(entry.source)),
      );
      const bars = codes.map((entry) => decodeBuildCode(entry.code).skills.land);
      expect(
        bars.some((bar) => [bar.heal, ...bar.utilities, bar.elite].includes(marker.value)),
        `no sourced ${elite.profession} code has palette ${marker.value}`,
      ).toBe(true);
    });
  }
});

describe('resolveRole: a person’s choice wins, inference fills the gap', () => {
  const renegade = template('Power Alac Renegade');
  it('takes the member’s chosen role first', () => {
    expect(
      resolveRole({
        template: renegade,
        context: 'PVE',
        chosen: 'dps',
        declared: ['heal-alacrity'],
      }),
    ).toMatchObject({ role: { key: 'dps' }, source: 'CHOSEN' });
  });
  it('then a role the build declares for the context', () => {
    expect(
      resolveRole({
        template: renegade,
        context: 'PVE',
        chosen: null,
        declared: ['stability-core', 'heal-alacrity'],
      }),
    ).toMatchObject({ role: { key: 'heal-alacrity' }, source: 'DECLARED' });
  });
  it('then the inferred role, ignoring a choice the context does not have', () => {
    const resolved = resolveRole({ template: renegade, context: 'PVE', chosen: 'stability-core' });
    expect(resolved).toMatchObject({ role: { key: 'alacrity-dps' }, source: 'INFERRED' });
    expect(resolved.inference.confidence).toBe('HIGH');
  });
  it('and nothing when nothing is known', () => {
    expect(resolveRole({ template: renegade, context: 'WVW' })).toMatchObject({
      role: null,
      source: null,
    });
  });
});
