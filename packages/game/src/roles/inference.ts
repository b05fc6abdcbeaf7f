/**
 * Which role a build plays, read from what its chat code is: the elite specialization, the
 * selected traits (and the boons their API facts share with allies), the trait lines, the
 * Revenant legends, the ranger pets, the weapons and the skills by palette id, matched against
 * the markers of `data/roles.json`. Pure and deterministic: plain data in, plain data out.
 *
 * Rules (documented in docs/ROLES.md):
 * - An option's score is the sum of the weights of its matched markers, plus 2 for each selected
 *   trait whose API facts share one of the option's key boons (quickness, alacrity, stability)
 *   with more than one target.
 * - A DPS option needs no evidence. Any other option needs a score of at least 3 (one marker of
 *   weight 3, or several weaker ones), a matched marker in each of its `requires` groups, and a
 *   HEAL option at least one healing marker.
 * - The best qualifying option wins, ties going to the data file's order; DPS wins only when no
 *   support role qualifies. With nothing qualifying the role is unknown (null), never guessed.
 */
import { getSpecialization, getTrait } from '../catalog/index.js';
import type { BuildTemplate } from '../codec/index.js';
import type { Boon } from '../model.js';
import type { RoleMarker } from './markers.js';
import { eliteRolesFor, type EliteRoles, type RoleContext, type RoleOption } from './roles.js';

/** An option that is not DPS needs at least this score to be inferred. */
export const MIN_SUPPORT_SCORE = 3;
/** A lead of this much over the next qualifying option makes an inference HIGH confidence. */
const CLEAR_LEAD = 3;
/** Boons that define a support role; a trait sharing one counts as evidence for it. */
const KEY_BOONS: readonly Boon[] = ['QUICKNESS', 'ALACRITY', 'STABILITY'];
const TRAIT_BOON_WEIGHT = 2;

export type InferenceConfidence = 'HIGH' | 'MEDIUM' | 'LOW';

export interface RoleEvidence {
  /** A marker kind, or TRAIT_BOON for a selected trait whose API facts share a key boon. */
  readonly kind: RoleMarker['kind'] | 'TRAIT_BOON';
  /** The marker's id in roles.json; null for TRAIT_BOON. */
  readonly markerId: string | null;
  /** e.g. "Righteous Rebel (trait)", "Legendary Renegade Stance (legend)". */
  readonly label: string;
  readonly weight: number;
  readonly heal: boolean;
  /** Ids into rolesDataInfo.sources; empty for TRAIT_BOON (the game data is the source). */
  readonly sources: readonly string[];
}

export interface RoleCandidate {
  readonly option: RoleOption;
  readonly score: number;
  /** Whether the evidence is enough to infer this option. */
  readonly qualifies: boolean;
  readonly evidence: readonly RoleEvidence[];
  /** What the build lacks for a non-qualifying option; null when it qualifies. */
  readonly missing: string | null;
}

export interface RoleInference {
  readonly context: RoleContext;
  /** The build's elite specialization, or null for a core build. */
  readonly elite: string | null;
  /** The inferred role; null when unknown (core build, no role listed, or no evidence). */
  readonly role: RoleOption | null;
  readonly confidence: InferenceConfidence | null;
  readonly evidence: readonly RoleEvidence[];
  /** The elite's other options in the context, best first. */
  readonly alternatives: readonly RoleCandidate[];
  /** One sentence: the role, its confidence and why. */
  readonly summary: string;
}

/** What a chat code shows, in the terms markers use. */
interface BuildFeatures {
  readonly elite: number | undefined;
  readonly traitLines: ReadonlySet<number>;
  /** Selected majors and the minors of every line. */
  readonly traits: readonly number[];
  readonly legends: ReadonlySet<number>;
  readonly pets: ReadonlySet<number>;
  readonly weapons: ReadonlySet<number>;
  /** Land skill bar palette ids (heal, utilities, elite). */
  readonly skills: ReadonlySet<number>;
}

function featuresOf(template: BuildTemplate): BuildFeatures {
  const lines = template.specializations
    .map((line) => ({ line, specialization: getSpecialization(line.specializationId) }))
    .filter((entry) => entry.specialization !== undefined);
  const land = template.skills.land;
  const legends = template.legends?.land;
  return {
    elite: lines.find((entry) => entry.specialization?.elite)?.specialization?.id,
    traitLines: new Set(lines.map((entry) => entry.line.specializationId)),
    traits: lines.flatMap(({ line, specialization }) => [
      ...(specialization?.minorTraitIds ?? []),
      ...line.majorTraitIds.filter((id): id is number => id !== null),
    ]),
    legends: new Set([legends?.active ?? 0, legends?.inactive ?? 0].filter((code) => code > 0)),
    pets: new Set((template.pets?.land ?? []).filter((id) => id > 0)),
    weapons: new Set(template.weapons),
    skills: new Set([land.heal, ...land.utilities, land.elite].filter((id) => id > 0)),
  };
}

const KIND_WORDS: Readonly<Record<RoleEvidence['kind'], string>> = {
  TRAIT: 'trait',
  TRAIT_LINE: 'trait line',
  LEGEND: 'legend',
  PET: 'pet',
  WEAPON: 'weapon',
  SKILL: 'skill',
  TRAIT_BOON: 'trait',
};

/** The markers a build shows (exported for tests and for explaining a build). */
export function markersFoundIn(
  template: BuildTemplate,
  markers: readonly RoleMarker[],
): RoleMarker[] {
  const build = featuresOf(template);
  return markers.filter((marker) => matches(marker, build));
}

function matches(marker: RoleMarker, build: BuildFeatures): boolean {
  switch (marker.kind) {
    case 'TRAIT':
      return build.traits.includes(marker.value);
    case 'TRAIT_LINE':
      return build.traitLines.has(marker.value);
    case 'LEGEND':
      return build.legends.has(marker.value);
    case 'PET':
      return build.pets.has(marker.value);
    case 'WEAPON':
      return build.weapons.has(marker.value);
    case 'SKILL':
      return build.skills.has(marker.value);
  }
}

function markerEvidence(marker: RoleMarker): RoleEvidence {
  const words = marker.kind === 'TRAIT_LINE' ? '' : ` (${KIND_WORDS[marker.kind]})`;
  return {
    kind: marker.kind,
    markerId: marker.id,
    label: `${marker.label}${words}`,
    weight: marker.weight,
    heal: marker.heal,
    sources: marker.sources,
  };
}

/** Selected traits whose API facts share one of the option's key boons with several targets. */
function traitBoonEvidence(
  option: RoleOption,
  build: BuildFeatures,
  markerTraits: ReadonlySet<number>,
): RoleEvidence[] {
  const keyBoons = KEY_BOONS.filter((boon) => option.provides.includes(boon));
  if (keyBoons.length === 0) return [];
  return [...new Set(build.traits)].flatMap((id) => {
    const trait = getTrait(id);
    if (!trait || markerTraits.has(id) || (trait.targets ?? 0) <= 1) return [];
    const shared = keyBoons.filter((boon) => trait.grants.some((grant) => grant.boon === boon));
    if (shared.length === 0) return [];
    return [
      {
        kind: 'TRAIT_BOON' as const,
        markerId: null,
        label: `${trait.name} (trait, shares ${shared.map((b) => b.toLowerCase()).join(' and ')})`,
        weight: TRAIT_BOON_WEIGHT,
        heal: false,
        sources: [],
      },
    ];
  });
}

function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function candidateFor(roles: EliteRoles, option: RoleOption, build: BuildFeatures): RoleCandidate {
  const markers = option.evidence.flatMap((id) => roles.markers.filter((m) => m.id === id));
  const matched = markers.filter((marker) => matches(marker, build));
  const matchedIds = new Set(matched.map((marker) => marker.id));
  const markerTraits = new Set(markers.filter((m) => m.kind === 'TRAIT').map((m) => m.value));
  const evidence = [
    ...matched.map(markerEvidence),
    ...traitBoonEvidence(option, build, markerTraits),
  ];
  const score = evidence.reduce((sum, item) => sum + item.weight, 0);
  if (option.kind === 'DPS') return { option, score, qualifies: true, evidence, missing: null };
  const healMarkers = markers.filter((m) => m.heal);
  const needsHeal = option.kind === 'HEAL' && !evidence.some((item) => item.heal);
  const unmetGroup = option.requires.find((group) => !group.some((id) => matchedIds.has(id)));
  let missing: string | null = null;
  if (markers.length === 0 && score === 0) {
    missing = `no marker of ${option.label} is known yet`;
  } else if (needsHeal) {
    missing =
      healMarkers.length > 0
        ? `no healing marker (${listWords(healMarkers.map((m) => m.label))})`
        : 'no healing marker is known yet';
  } else if (unmetGroup) {
    const labels = unmetGroup.flatMap((id) => roles.markers.filter((m) => m.id === id));
    missing = `no ${listWords(labels.map((m) => m.label))}`;
  } else if (score < MIN_SUPPORT_SCORE) {
    const absent = markers.filter((m) => !matched.includes(m)).map((m) => m.label);
    missing =
      absent.length > 0
        ? `not enough evidence (missing ${listWords(absent)})`
        : 'not enough evidence';
  }
  return { option, score, qualifies: missing === null, evidence, missing };
}

/** Best first: qualifying options, then by score, then the data file's order. */
function rank(candidates: readonly RoleCandidate[], order: readonly RoleOption[]): RoleCandidate[] {
  return [...candidates].sort(
    (a, b) =>
      Number(b.qualifies) - Number(a.qualifies) ||
      // A support role that qualifies beats DPS, whatever DPS scores.
      Number(b.option.kind !== 'DPS') - Number(a.option.kind !== 'DPS') ||
      b.score - a.score ||
      order.indexOf(a.option) - order.indexOf(b.option),
  );
}

function confidenceOf(
  best: RoleCandidate,
  others: readonly RoleCandidate[],
  optionCount: number,
): InferenceConfidence {
  if (optionCount === 1) return 'HIGH';
  if (best.option.kind !== 'DPS') {
    const next = others.filter((c) => c.qualifies && c.option.kind !== 'DPS');
    const runnerUp = Math.max(0, ...next.map((c) => c.score));
    return best.score - runnerUp >= CLEAR_LEAD ? 'HIGH' : 'MEDIUM';
  }
  // DPS by default: how much evidence points at a support role that did not qualify?
  return others.some((c) => c.score > 0) ? 'LOW' : 'MEDIUM';
}

function evidenceWords(evidence: readonly RoleEvidence[]): string {
  return evidence.map((item) => item.label).join(', ');
}

function summaryOf(
  roles: EliteRoles,
  context: RoleContext,
  best: RoleCandidate,
  others: readonly RoleCandidate[],
  confidence: InferenceConfidence,
): string {
  const head = `${best.option.label} (${confidence.toLowerCase()} confidence)`;
  const where = context === 'PVE' ? 'PvE' : 'WvW';
  if (best.evidence.length > 0) return `${head}: ${evidenceWords(best.evidence)}.`;
  if (others.length === 0) {
    return `${head}: the only ${where} role the sources list for ${roles.name}.`;
  }
  const partial = others.filter((c) => c.score > 0);
  if (partial.length > 0) {
    const hints = partial.map((c) => `${c.option.label} (${evidenceWords(c.evidence)})`);
    return `${head}: some evidence of ${hints.join('; ')}, not enough for a support role.`;
  }
  return `${head}: no marker of ${listWords(others.map((c) => c.option.label))} in the build.`;
}

function unknown(
  context: RoleContext,
  elite: string | null,
  alternatives: readonly RoleCandidate[],
  summary: string,
): RoleInference {
  return { context, elite, role: null, confidence: null, evidence: [], alternatives, summary };
}

/** The role a build most likely plays in a context, with its evidence and the alternatives. */
export function inferRole(template: BuildTemplate, context: RoleContext): RoleInference {
  const build = featuresOf(template);
  if (build.elite === undefined) {
    return unknown(context, null, [], 'Core build: the role table lists elite specializations.');
  }
  const roles = eliteRolesFor(build.elite);
  const where = context === 'PVE' ? 'PvE' : 'WvW';
  const options = (context === 'PVE' ? roles.pve : roles.wvw) ?? [];
  if (options.length === 0) {
    return unknown(
      context,
      roles.name,
      [],
      `No public source lists a ${where} role for ${roles.name}.`,
    );
  }
  const [best, ...others] = rank(
    options.map((option) => candidateFor(roles, option, build)),
    options,
  );
  if (!best?.qualifies) {
    const reasons = [best, ...others].flatMap((c) =>
      c ? [`${c.option.label}: ${c.missing}`] : [],
    );
    return unknown(
      context,
      roles.name,
      [best, ...others].filter((c): c is RoleCandidate => c !== undefined),
      `No ${where} role inferred for this ${roles.name}: ${reasons.join('; ')}.`,
    );
  }
  const confidence = confidenceOf(best, others, options.length);
  return {
    context,
    elite: roles.name,
    role: best.option,
    confidence,
    evidence: best.evidence,
    alternatives: others,
    summary: summaryOf(roles, context, best, others, confidence),
  };
}
