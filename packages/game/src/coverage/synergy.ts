/**
 * How well 2-5 professions or elite specializations work together in a game mode,
 * computed by the coverage core with the entries as one subgroup.
 */
import {
  GAME_MODE_CONTEXT,
  GAME_MODES,
  isBoon,
  type Boon,
  type Capability,
  type GameMode,
} from '../model.js';
import { GameInputError } from '../roles/errors.js';
import { getProfession, getSpecialization, type Specialization } from '../catalog/index.js';
import {
  eliteRolesFor,
  listEliteRoles,
  type RoleContext,
  type RoleOption,
} from '../roles/index.js';
import { sortCapabilities } from './capabilities.js';
import { computeCoverage, type SquadCoverage } from './coverage.js';
import { capabilityWords } from './messages.js';
import { modeRequirementsFor, type ModeRequirement } from './requirements.js';

export const SYNERGY_MIN_ENTRIES = 2;
export const SYNERGY_MAX_ENTRIES = 5;

export type SynergyInputErrorReason =
  | 'UNKNOWN_GAME_MODE'
  | 'ENTRY_COUNT'
  | 'EMPTY_ENTRY'
  | 'UNKNOWN_SPECIALIZATION'
  | 'NOT_ELITE'
  | 'UNKNOWN_PROFESSION'
  | 'PROFESSION_MISMATCH';

export class SynergyInputError extends GameInputError<SynergyInputErrorReason> {
  override readonly name = 'SynergyInputError';
  readonly code = 'INVALID_SYNERGY_INPUT' as const;
}

export interface SynergyEntry {
  /** Elite specialization name (any case) or API id. */
  readonly specialization?: string | number;
  /** Profession name (any case); alone, it stands for any of its elite specializations. */
  readonly profession?: string;
}

export interface SynergyInput {
  readonly entries: readonly SynergyEntry[];
  readonly gameMode: GameMode;
}

/**
 * ROLE: the role option picked for the entry's elite specialization.
 * PROFESSION_UNION: a profession-only entry, credited with every role of its elites.
 * UNKNOWN: the sources say nothing about the entry in this context.
 */
export type SynergyPickBasis = 'ROLE' | 'PROFESSION_UNION' | 'UNKNOWN';

export interface SynergyEntryResult {
  /** Specialization or profession name as the data spells it. */
  readonly name: string;
  readonly profession: string;
  readonly specializationId: number | null;
  readonly basis: SynergyPickBasis;
  /** The picked role option; null unless basis is ROLE. */
  readonly role: RoleOption | null;
  readonly provides: readonly Capability[];
  /** Why the entry counts for what it counts, in plain words. */
  readonly note: string;
}

export interface RequirementStatus extends ModeRequirement {
  /** Entries providing the capability. */
  readonly have: number;
}

export interface SynergyResult {
  readonly gameMode: GameMode;
  /** 0..100, the coverage score of the entries as one subgroup. */
  readonly score: number;
  readonly entries: readonly SynergyEntryResult[];
  /** Capabilities provided by two or more entries. */
  readonly sharedCapabilities: readonly Capability[];
  readonly sharedBoons: readonly Boon[];
  readonly coveredRequirements: readonly RequirementStatus[];
  /** Requirements the entries do not fully meet (have < minSources). */
  readonly missingRequirements: readonly RequirementStatus[];
  readonly summary: string;
}

interface Candidate {
  readonly role: RoleOption | null;
  readonly provides: readonly Capability[];
}

interface ResolvedEntry {
  readonly name: string;
  readonly profession: string;
  readonly specializationId: number | null;
  readonly basis: SynergyPickBasis;
  readonly candidates: readonly Candidate[];
  readonly note: string;
}

const contextWords = (context: RoleContext) => (context === 'PVE' ? 'PvE' : 'WvW');

function optionsIn(
  specialization: Specialization,
  context: RoleContext,
): readonly RoleOption[] | null {
  const roles = eliteRolesFor(specialization.id);
  return context === 'PVE' ? roles.pve : roles.wvw;
}

function resolveEntry(entry: SynergyEntry, index: number, context: RoleContext): ResolvedEntry {
  const at = `entries[${index}]`;
  const profession = entry.profession === undefined ? undefined : getProfession(entry.profession);
  if (entry.profession !== undefined && !profession) {
    throw new SynergyInputError(
      'UNKNOWN_PROFESSION',
      `${at}.profession`,
      `Unknown profession ${entry.profession}`,
    );
  }

  if (entry.specialization !== undefined) {
    const specialization = getSpecialization(entry.specialization);
    if (!specialization) {
      throw new SynergyInputError(
        'UNKNOWN_SPECIALIZATION',
        `${at}.specialization`,
        `Unknown specialization ${String(entry.specialization)}`,
      );
    }
    if (!specialization.elite) {
      throw new SynergyInputError(
        'NOT_ELITE',
        `${at}.specialization`,
        `${specialization.name} is not an elite specialization`,
      );
    }
    if (profession && profession.id !== specialization.profession) {
      throw new SynergyInputError(
        'PROFESSION_MISMATCH',
        `${at}.profession`,
        `${specialization.name} is a ${specialization.profession} specialization, not ${profession.name}`,
      );
    }
    const options = optionsIn(specialization, context);
    const base = {
      name: specialization.name,
      profession: specialization.profession,
      specializationId: specialization.id,
    };
    if (!options) {
      return {
        ...base,
        basis: 'UNKNOWN',
        candidates: [{ role: null, provides: [] }],
        note: `No public source says what ${specialization.name} brings in ${contextWords(context)}, so nothing was counted for it.`,
      };
    }
    return {
      ...base,
      basis: 'ROLE',
      candidates: options.map((role) => ({ role, provides: role.provides })),
      note: `${specialization.name} plays the role that helps the group most.`,
    };
  }

  if (!profession) {
    throw new SynergyInputError('EMPTY_ENTRY', at, 'Name a specialization or a profession');
  }
  const elites = listEliteRoles().filter((e) => e.profession === profession.id);
  const known = elites.filter((e) => (context === 'PVE' ? e.pve : e.wvw) !== null);
  const provides = sortCapabilities(
    known.flatMap((e) => (context === 'PVE' ? e.pve : e.wvw) ?? []).flatMap((o) => o.provides),
  );
  const base = { name: profession.name, profession: profession.id, specializationId: null };
  if (known.length === 0) {
    return {
      ...base,
      basis: 'UNKNOWN',
      candidates: [{ role: null, provides: [] }],
      note: `No public source says what ${profession.name} elite specializations bring in ${contextWords(context)}, so nothing was counted for it.`,
    };
  }
  return {
    ...base,
    basis: 'PROFESSION_UNION',
    candidates: [{ role: null, provides }],
    note: `Only the profession was given, so every role of its elite specializations (${known.map((e) => e.name).join(', ')}) was counted.`,
  };
}

/** Every way to pick one candidate per entry, in data order (at most 4^5 = 1024). */
function* picks(entries: readonly ResolvedEntry[]): Generator<readonly Candidate[]> {
  const [first, ...rest] = entries;
  if (!first) {
    yield [];
    return;
  }
  for (const candidate of first.candidates) {
    for (const tail of picks(rest)) yield [candidate, ...tail];
  }
}

function coverageOf(gameMode: GameMode, pick: readonly Candidate[]): SquadCoverage {
  return computeCoverage({
    gameMode,
    size: pick.length,
    members: pick.map((candidate, i) => ({
      id: String(i),
      subgroup: 1,
      provides: candidate.provides,
    })),
  });
}

function bestPick(
  gameMode: GameMode,
  entries: readonly ResolvedEntry[],
): { pick: readonly Candidate[]; coverage: SquadCoverage } {
  let best: { pick: readonly Candidate[]; coverage: SquadCoverage; breadth: number } | undefined;
  for (const pick of picks(entries)) {
    const coverage = coverageOf(gameMode, pick);
    // Ties go to the pick that brings more distinct capabilities, then to data order.
    const breadth = new Set(pick.flatMap((c) => c.provides)).size;
    if (
      !best ||
      coverage.score > best.coverage.score ||
      (coverage.score === best.coverage.score && breadth > best.breadth)
    ) {
      best = { pick, coverage, breadth };
    }
  }
  // picks() yields at least once because every entry has at least one candidate.
  if (!best) throw new Error('No synergy pick was evaluated');
  return best;
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function summarize(
  modeLabel: string,
  entries: readonly SynergyEntryResult[],
  covered: readonly RequirementStatus[],
  missing: readonly RequirementStatus[],
  shared: readonly Capability[],
): string {
  const names = entries.map((e) => {
    if (e.role) return `${e.name} (${e.role.label})`;
    return e.basis === 'PROFESSION_UNION' ? `${e.name} (any elite specialization)` : e.name;
  });
  const total = covered.length + missing.length;
  const sentences = [
    `${listWords(names)} cover ${covered.length} of ${total} ${modeLabel} requirements` +
      (covered.length > 0
        ? `: ${listWords(covered.map((r) => capabilityWords(r.capability)))}.`
        : '.'),
  ];
  if (missing.length > 0) {
    sentences.push(`Still needed: ${listWords(missing.map((r) => r.label))}.`);
  }
  if (shared.length > 0) {
    sentences.push(`Brought by two or more: ${listWords(shared.map(capabilityWords))}.`);
  }
  for (const entry of entries) {
    if (entry.basis !== 'ROLE') sentences.push(entry.note);
  }
  return sentences.join(' ');
}

/**
 * Scores 2-5 professions or elite specializations as one subgroup of the game mode.
 * Each elite specialization plays its best role for the group; a profession alone is
 * credited with every role its elites can play (and the result says so).
 * Throws {@link SynergyInputError} for a wrong entry count or unknown names.
 */
export function analyzeSynergy(input: SynergyInput): SynergyResult {
  const { entries, gameMode } = input;
  if (!(GAME_MODES as readonly string[]).includes(gameMode)) {
    throw new SynergyInputError(
      'UNKNOWN_GAME_MODE',
      'gameMode',
      `Unknown game mode ${String(gameMode)}`,
    );
  }
  if (entries.length < SYNERGY_MIN_ENTRIES || entries.length > SYNERGY_MAX_ENTRIES) {
    throw new SynergyInputError(
      'ENTRY_COUNT',
      'entries',
      `Give from ${SYNERGY_MIN_ENTRIES} to ${SYNERGY_MAX_ENTRIES} entries, not ${entries.length}`,
    );
  }
  const context = GAME_MODE_CONTEXT[gameMode];
  const resolved = entries.map((entry, index) => resolveEntry(entry, index, context));
  const { pick, coverage } = bestPick(gameMode, resolved);

  const results: SynergyEntryResult[] = resolved.map((entry, i) => {
    const candidate = pick[i] ?? { role: null, provides: [] };
    return {
      name: entry.name,
      profession: entry.profession,
      specializationId: entry.specializationId,
      basis: entry.basis,
      role: candidate.role,
      provides: candidate.provides,
      note: entry.note,
    };
  });

  const providerCount = (capability: Capability) =>
    results.filter((r) => r.provides.includes(capability)).length;
  const shared = sortCapabilities(results.flatMap((r) => r.provides)).filter(
    (c) => providerCount(c) >= 2,
  );
  const statuses: RequirementStatus[] = modeRequirementsFor(gameMode).requirements.map((r) => ({
    ...r,
    have: providerCount(r.capability),
  }));
  const covered = statuses.filter((r) => r.have >= r.minSources);
  const missing = statuses.filter((r) => r.have < r.minSources);

  return {
    gameMode,
    score: coverage.score,
    entries: results,
    sharedCapabilities: shared,
    sharedBoons: shared.filter((c): c is Boon => isBoon(c)),
    coveredRequirements: covered,
    missingRequirements: missing,
    summary: summarize(modeRequirementsFor(gameMode).label, results, covered, missing, shared),
  };
}
