/**
 * The facts an explanation may use, as plain data: the language model receives them as JSON
 * (it narrates, it never composes), the templates write from them, and the grounding check
 * accepts only the professions, elites, boons and players they contain.
 */
import {
  getProfession,
  getSpecialization,
  isBoon,
  type Boon,
  type Capability,
  type GameMode,
} from '@gw2/game';

/** What a text may name: anything else it names is not grounded in the facts. */
export interface Vocabulary {
  readonly professions: readonly string[];
  readonly elites: readonly string[];
  readonly boons: readonly Boon[];
  readonly players: readonly string[];
}

export type ExplanationKind = 'COMPOSE_SQUAD' | 'REVIEW_BUILD' | 'EXPLAIN_SYNERGY';

export interface ExplanationFacts {
  readonly kind: ExplanationKind;
  /** JSON-safe; given to the model verbatim. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly allowed: Vocabulary;
  /** Names the text must not present as in the plan but may know (benched players). */
  readonly knownPlayers: readonly string[];
}

// Structural views of the API results: the core depends on their shape, not on type-graphql.
export interface PlanMemberView {
  readonly playerName: string | null;
  readonly slot: number;
  readonly subgroup: number;
  readonly specialization: string;
  readonly profession: string;
  readonly roleLabel: string;
  readonly provides: readonly Capability[];
  readonly locked: boolean;
}
export interface PlanGapView {
  readonly capability: Capability;
  readonly message: string;
}
export interface PlanView {
  readonly gameMode: GameMode;
  readonly size: number;
  readonly status: 'OPTIMAL' | 'TIME_LIMIT' | 'HEURISTIC';
  readonly solveTimeMs: number;
  readonly subgroups: ReadonlyArray<{
    readonly number: number;
    readonly members: readonly PlanMemberView[];
    readonly provides: readonly Capability[];
  }>;
  readonly gaps: readonly PlanGapView[];
  readonly coverage: { readonly score: number };
}

export interface AdviceView {
  readonly gameMode: GameMode;
  readonly context: string;
  readonly eliteSpecialization: { readonly name: string; readonly profession: string } | null;
  readonly roles: ReadonlyArray<{
    readonly key: string;
    readonly label: string;
    readonly provides: readonly Capability[];
  }> | null;
  readonly traitBoons: readonly Boon[];
  readonly servedRequirements: ReadonlyArray<{
    readonly capability: Capability;
    readonly label: string;
    readonly roleKeys: readonly string[];
    readonly byTraits: boolean;
  }>;
  readonly traitSuggestions: ReadonlyArray<{
    readonly specialization: string;
    readonly tierName: string;
    readonly traitName: string;
    readonly boons: readonly Boon[];
  }>;
  readonly statPrefixes: ReadonlyArray<{
    readonly roleLabel: string;
    readonly prefixes: readonly string[];
  }>;
  readonly notes: readonly string[];
}

export interface SynergyView {
  readonly gameMode: GameMode;
  readonly score: number;
  readonly entries: ReadonlyArray<{
    readonly name: string;
    readonly profession: string;
    readonly role: { readonly label: string } | null;
    readonly provides: readonly Capability[];
    readonly note: string;
  }>;
  readonly sharedBoons: readonly Boon[];
  readonly coveredRequirements: ReadonlyArray<{
    readonly capability: Capability;
    readonly label: string;
  }>;
  readonly missingRequirements: ReadonlyArray<{
    readonly capability: Capability;
    readonly label: string;
    readonly have: number;
    readonly minSources: number;
  }>;
  readonly summary: string;
}

const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];
const boonsOf = (capabilities: Iterable<Capability>): Boon[] =>
  unique([...capabilities].filter((c): c is Boon => isBoon(c)));

/** A profession id or name as players read it ("Guardian"). */
export function professionName(id: string): string {
  return getProfession(id)?.name ?? id;
}

/** Elite specialization names among `names` (core professions are not elites). */
function elitesAmong(names: Iterable<string>): string[] {
  return unique(
    [...names].flatMap((name) => {
      const specialization = getSpecialization(name);
      return specialization?.elite ? [specialization.name] : [];
    }),
  );
}

/** Players a roster listed but the plan left out. */
export function benchOf(plan: PlanView, rosterNames: readonly string[]): string[] {
  const placed = new Set(
    plan.subgroups.flatMap((g) => g.members.map((m) => m.playerName?.toLowerCase())),
  );
  return rosterNames.filter((name) => !placed.has(name.toLowerCase()));
}

export function planFacts(
  plan: PlanView,
  extra: { bench?: readonly string[]; notUnderstood?: readonly string[] } = {},
): ExplanationFacts {
  const members = plan.subgroups.flatMap((g) => g.members);
  const bench = [...(extra.bench ?? [])];
  return {
    kind: 'COMPOSE_SQUAD',
    data: {
      gameMode: plan.gameMode,
      size: plan.size,
      status: plan.status,
      solveTimeMs: Math.round(plan.solveTimeMs),
      coverageScore: plan.coverage.score,
      subgroups: plan.subgroups.map((g) => ({
        number: g.number,
        members: g.members.map((m) => ({
          player: m.playerName ?? `slot ${m.slot}`,
          specialization: m.specialization,
          profession: professionName(m.profession),
          role: m.roleLabel,
          provides: m.provides,
          ...(m.locked ? { locked: true } : {}),
        })),
        provides: g.provides,
      })),
      gaps: plan.gaps.map((gap) => gap.message),
      ...(bench.length ? { bench } : {}),
      ...(extra.notUnderstood?.length ? { notUnderstood: extra.notUnderstood } : {}),
    },
    allowed: {
      professions: unique(members.map((m) => professionName(m.profession))),
      elites: elitesAmong(members.map((m) => m.specialization)),
      boons: boonsOf([
        ...plan.subgroups.flatMap((g) => g.provides),
        ...plan.gaps.map((gap) => gap.capability),
      ]),
      players: unique([...members.flatMap((m) => (m.playerName ? [m.playerName] : [])), ...bench]),
    },
    knownPlayers: bench,
  };
}

export function adviceFacts(advice: AdviceView): ExplanationFacts {
  const elite = advice.eliteSpecialization;
  const roles = advice.roles ?? [];
  return {
    kind: 'REVIEW_BUILD',
    data: {
      gameMode: advice.gameMode,
      context: advice.context,
      specialization: elite?.name ?? null,
      profession: elite ? professionName(elite.profession) : null,
      roles: roles.map((role) => ({ role: role.label, provides: role.provides })),
      traitBoons: advice.traitBoons,
      servedRequirements: advice.servedRequirements.map((r) => ({
        requirement: r.label,
        byRoles: r.roleKeys,
        byTraits: r.byTraits,
      })),
      traitSuggestions: advice.traitSuggestions.map((s) => ({
        line: s.specialization,
        tier: s.tierName,
        trait: s.traitName,
        boons: s.boons,
      })),
      statPrefixes: advice.statPrefixes.map((s) => ({ role: s.roleLabel, prefixes: s.prefixes })),
      notes: advice.notes,
    },
    allowed: {
      professions: elite ? [professionName(elite.profession)] : [],
      // Trait lines are specializations too; a suggestion may name its (core) line.
      elites: elitesAmong([
        ...(elite ? [elite.name] : []),
        ...advice.traitSuggestions.map((s) => s.specialization),
      ]),
      boons: boonsOf([
        ...roles.flatMap((role) => role.provides),
        ...advice.traitBoons,
        ...advice.servedRequirements.map((r) => r.capability),
        ...advice.traitSuggestions.flatMap((s) => s.boons),
      ]),
      players: [],
    },
    knownPlayers: [],
  };
}

export function synergyFacts(synergy: SynergyView): ExplanationFacts {
  return {
    kind: 'EXPLAIN_SYNERGY',
    data: {
      gameMode: synergy.gameMode,
      score: synergy.score,
      entries: synergy.entries.map((e) => ({
        name: e.name,
        profession: professionName(e.profession),
        role: e.role?.label ?? null,
        provides: e.provides,
        note: e.note,
      })),
      sharedBoons: synergy.sharedBoons,
      covered: synergy.coveredRequirements.map((r) => r.label),
      missing: synergy.missingRequirements.map((r) => `${r.label} (${r.have} of ${r.minSources})`),
      summary: synergy.summary,
    },
    allowed: {
      professions: unique(synergy.entries.map((e) => professionName(e.profession))),
      elites: elitesAmong(synergy.entries.map((e) => e.name)),
      boons: boonsOf([
        ...synergy.entries.flatMap((e) => e.provides),
        ...synergy.coveredRequirements.map((r) => r.capability),
        ...synergy.missingRequirements.map((r) => r.capability),
      ]),
      players: [],
    },
    knownPlayers: [],
  };
}
