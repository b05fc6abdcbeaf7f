/**
 * Why a plan is what it is, as data: what each member brings to its subgroup, why each player
 * moved from where it sits now (the requirement it covers, or the balance it restores), and which
 * requirements stay uncovered with the players or roles that would cover them.
 */
import { providerNoun } from '../coverage/messages.js';
import { SUBGROUP_SIZE } from '../model.js';
import {
  OBJECTIVE_ORDER,
  type Contribution,
  type GapSuggestion,
  type MemberExplanation,
  type MoveExplanation,
  type PlanExplanation,
  type SubgroupExplanation,
  type UncoveredRequirement,
} from './explanation-types.js';
import type { PreparedProblem } from './problem.js';
import type { Placement } from './score.js';
import type {
  CandidateOption,
  PlanAssignment,
  PlanGap,
  RosterPlayer,
  SquadOptimizationInput,
} from './types.js';

/** Most suggestions listed per uncovered requirement. */
const MAX_SUGGESTIONS = 3;

function contributions(
  problem: PreparedProblem,
  member: PlanAssignment,
  unit: readonly PlanAssignment[],
  scope: 'SUBGROUP' | 'SQUAD',
): Contribution[] {
  return problem.requirements.flatMap((requirement): Contribution[] => {
    if (requirement.scope !== scope || !member.provides.includes(requirement.capability)) return [];
    const providers = unit.filter((m) => m.provides.includes(requirement.capability));
    const rank = providers.findIndex((m) => m.slot === member.slot);
    const status =
      rank >= requirement.minSources ? 'EXTRA' : providers.length === 1 ? 'SOLE' : 'COUNTED';
    return [{ capability: requirement.capability, scope, requirement: requirement.label, status }];
  });
}

function explainSubgroups(
  problem: PreparedProblem,
  assignments: readonly PlanAssignment[],
  gaps: readonly PlanGap[],
): SubgroupExplanation[] {
  return Array.from({ length: problem.squadSubgroups }, (_, g) => {
    const subgroup = g + 1;
    const here = assignments.filter((a) => a.subgroup === subgroup);
    const members = here.map((member): MemberExplanation => ({
      playerId: member.playerId,
      playerName: member.playerName,
      slot: member.slot,
      label: member.label,
      specialization: member.specialization,
      roleKey: member.roleKey,
      locked: member.locked,
      brings: [
        ...contributions(problem, member, here, 'SUBGROUP'),
        ...contributions(problem, member, assignments, 'SQUAD'),
      ],
    }));
    const inUse = g < problem.subgroupCount;
    const missing = gaps.filter((gap) => gap.subgroup === subgroup);
    const covered = problem.requirements
      .filter((r) => r.scope === 'SUBGROUP' && !missing.some((gap) => gap.label === r.label))
      .map((r) => r.label);
    return {
      subgroup,
      inUse,
      size: here.length,
      members,
      covered: inUse ? covered : [],
      missing: missing.map((gap) => gap.message),
    };
  });
}

const list = (words: readonly string[], joiner = 'and'): string =>
  words.length <= 1
    ? words.join('')
    : `${words.slice(0, -1).join(', ')} ${joiner} ${words[words.length - 1]}`;

function sizesText(sizes: readonly number[]): string {
  return sizes.join('/');
}

/** Why a roster player the plan leaves out is left out. */
function benchReason(problem: PreparedProblem, player: number, placedCount: number): string {
  if (placedCount >= problem.size) return 'the squad is full';
  if (placedCount >= problem.subgroupCount * SUBGROUP_SIZE) return 'the subgroups in use are full';
  const capped = (problem.optionsByPlayer[player] ?? []).every((o) => {
    const specialization = problem.options[o]?.source.specialization ?? '';
    return problem.specializationCaps.has(specialization);
  });
  return capped ? 'its specialization is at its limit' : 'no subgroup has room for it';
}

function explainMoves(
  problem: PreparedProblem,
  players: readonly RosterPlayer[],
  assignments: readonly PlanAssignment[],
  subgroups: readonly SubgroupExplanation[],
  sizesBefore: readonly number[] | null,
  sizes: readonly number[],
): MoveExplanation[] {
  if (sizesBefore === null) return [];
  const togetherWith = (player: number) => {
    const group = problem.together.find((g) => g.includes(player)) ?? [];
    return group.filter((other) => other !== player).map((other) => players[other]?.name ?? '');
  };
  return players.flatMap((player, index): MoveExplanation[] => {
    const current = problem.currentSubgroups[index];
    const from = current === null || current === undefined ? null : current + 1;
    const placed = assignments.find((a) => a.playerId === player.id);
    const to = placed?.subgroup ?? null;
    if (from === to) return [];
    const base = { playerId: player.id, playerName: player.name, from, to };
    if (to === null || placed === undefined) {
      const why = benchReason(problem, index, assignments.length);
      return [
        {
          ...base,
          reason: 'BENCHED',
          requirements: [],
          text: `${player.name} is left out: ${why}.`,
        },
      ];
    }
    const member = subgroups[to - 1]?.members.find((m) => m.playerId === player.id);
    const covers = (member?.brings ?? [])
      .filter((c) => c.scope === 'SUBGROUP' && c.status !== 'EXTRA')
      .map((c) => c.requirement);
    const where = from === null ? `joins subgroup ${to}` : `moves from subgroup ${from} to ${to}`;
    if (placed.locked) {
      return [
        {
          ...base,
          reason: 'LOCKED',
          requirements: covers,
          text: `${player.name} ${where}: locked there.`,
        },
      ];
    }
    const partners = togetherWith(index);
    if (partners.length > 0 && covers.length === 0) {
      const text = `${player.name} ${where}: kept with ${list(partners)}.`;
      return [{ ...base, reason: 'TOGETHER', requirements: [], text }];
    }
    if (covers.length > 0) {
      const text = `${player.name} ${where}: brings ${list(covers)} to subgroup ${to}.`;
      return [{ ...base, reason: from === null ? 'ADDED' : 'COVERS', requirements: covers, text }];
    }
    if (from === null) {
      const text = `${player.name} ${where}: a free slot, keeping the subgroups even.`;
      return [{ ...base, reason: 'ADDED', requirements: [], text }];
    }
    const text = `${player.name} ${where}: evens the subgroups (${sizesText(sizesBefore)} → ${sizesText(sizes)}).`;
    return [{ ...base, reason: 'BALANCE', requirements: [], text }];
  });
}

function roleText(option: CandidateOption): string {
  const label = option.label.includes(':')
    ? option.label.split(':').slice(1).join(':').trim()
    : option.label;
  return `${option.specialization} (${label})`;
}

function explainGaps(
  input: SquadOptimizationInput,
  problem: PreparedProblem,
  assignments: readonly PlanAssignment[],
  gaps: readonly PlanGap[],
): UncoveredRequirement[] {
  const placedIds = new Set(assignments.map((a) => a.playerId));
  const bench = problem.players.filter((player) => !placedIds.has(player.id));
  const pool = input.suggestions ?? [];
  return gaps.map((gap) => {
    const others = gaps
      .filter((g) => g.subgroup === gap.subgroup && g.scope === gap.scope)
      .map((g) => g.capability);
    const reach = (option: CandidateOption) =>
      others.filter((c) => option.provides.includes(c)).length;
    const benchSuggestions = bench.flatMap((player): GapSuggestion[] => {
      const option = [...player.options]
        .filter((o) => o.provides.includes(gap.capability))
        .sort((a, b) => reach(b) - reach(a))[0];
      if (!option) return [];
      const text = `${player.name} on the bench (${roleText(option)})`;
      return [
        {
          kind: 'BENCH',
          playerName: player.name,
          specialization: option.specialization,
          roleKey: option.roleKey,
          roleLabel: option.label,
          text,
        },
      ];
    });
    const roleSuggestions = pool
      .filter((option) => option.provides.includes(gap.capability))
      .map((option, order) => ({ option, order, reach: reach(option) }))
      .sort((a, b) => b.reach - a.reach || a.order - b.order)
      .map(({ option }): GapSuggestion => ({
        kind: 'ROLE',
        playerName: null,
        specialization: option.specialization,
        roleKey: option.roleKey,
        roleLabel: option.label,
        text: `${gap.present > 0 ? 'another' : 'a'} ${roleText(option)}`,
      }));
    const suggestions = [...benchSuggestions, ...roleSuggestions].slice(0, MAX_SUGGESTIONS);
    const text =
      suggestions.length > 0
        ? `${gap.message}: ${list(
            suggestions.map((s) => s.text),
            'or',
          )} would cover it.`
        : `${gap.message}: no listed role provides ${providerNoun(gap.capability)}s.`;
    return {
      capability: gap.capability,
      scope: gap.scope,
      subgroup: gap.subgroup,
      label: gap.label,
      message: gap.message,
      suggestions,
      text,
    };
  });
}

function sizesBeforeOf(problem: PreparedProblem): number[] | null {
  if (problem.kind !== 'ROSTER' || problem.currentSubgroups.every((g) => g === null)) return null;
  const sizes = new Array<number>(problem.subgroupCount).fill(0);
  for (const g of problem.currentSubgroups) {
    if (g !== null && g < sizes.length) sizes[g] = (sizes[g] ?? 0) + 1;
  }
  return sizes;
}

export function explainPlan(
  input: SquadOptimizationInput,
  problem: PreparedProblem,
  placements: readonly Placement[],
  assignments: readonly PlanAssignment[],
  gaps: readonly PlanGap[],
): PlanExplanation {
  const sizes = Array.from(
    { length: problem.subgroupCount },
    (_, g) => placements.filter((p) => p.subgroup === g).length,
  );
  const sizesBefore = sizesBeforeOf(problem);
  const subgroups = explainSubgroups(problem, assignments, gaps);
  const moves = explainMoves(problem, problem.players, assignments, subgroups, sizesBefore, sizes);
  const uncovered = explainGaps(input, problem, assignments, gaps);
  const required = problem.requirements.reduce(
    (sum, r) => sum + r.minSources * (r.scope === 'SUBGROUP' ? problem.subgroupCount : 1),
    0,
  );
  const covered = required - gaps.reduce((sum, gap) => sum + gap.required - gap.present, 0);
  const summary = [
    `Covers ${covered} of ${required} required sources.`,
    `${assignments.length} ${assignments.length === 1 ? 'member' : 'members'} in ${problem.subgroupCount} ${
      problem.subgroupCount === 1 ? 'subgroup' : 'subgroups'
    } of ${sizesText(sizes)}${sizesBefore ? ` (before: ${sizesText(sizesBefore)})` : ''}.`,
    ...(sizesBefore
      ? [
          moves.length === 0
            ? 'Nobody moves.'
            : `${moves.length} ${moves.length === 1 ? 'change' : 'changes'}.`,
        ]
      : []),
    uncovered.length === 0
      ? 'Every requirement is covered.'
      : `${uncovered.length} ${uncovered.length === 1 ? 'requirement stays' : 'requirements stay'} uncovered.`,
  ];
  return {
    objectiveOrder: OBJECTIVE_ORDER,
    coveredSources: covered,
    requiredSources: required,
    sizes,
    sizesBefore,
    subgroups,
    moves,
    uncovered,
    summary,
  };
}
