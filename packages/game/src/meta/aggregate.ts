/**
 * Streaming aggregation of the meta: the pipeline hands one player's facts at a time
 * (`addOwner`), the aggregator keeps only counters (memory bounded by the number of distinct
 * cells, not by the data), and `finish` turns them into the snapshot's aggregates.
 *
 * Every cell also counts the distinct players who contributed to it: a player is one
 * `addOwner` call, so a cell's `owners` goes up at most once per call. The API publishes a cell
 * only when that count reaches the minimum sample size.
 */
import { CAPABILITIES, GAME_MODES, type GameMode } from '../model.js';
import { computeCoverage, type SquadCoverage } from '../coverage/index.js';
import {
  META_FORMAT_VERSION,
  PLAN_SOURCES,
  type AssistantUsage,
  type EliteRoleShare,
  type MetaAggregates,
  type MissingRequirement,
  type ModeMeta,
  type OwnerFacts,
  type PlanAcceptance,
  type PlanFact,
  type SubgroupFill,
  type TeamFact,
} from './types.js';
import { preferenceWeights } from './weights.js';

interface Row<T> {
  readonly value: T;
  owners: number;
  lastOwner: number;
}

/** Counters by key, each with the number of distinct owners that touched it. */
class Tally<T> {
  readonly rows = new Map<string, Row<T>>();

  constructor(private readonly init: () => T) {}

  /** The counters of `key`, counting `owner` once among its contributors. */
  at(key: string, owner: number): T {
    let row = this.rows.get(key);
    if (!row) {
      row = { value: this.init(), owners: 0, lastOwner: -1 };
      this.rows.set(key, row);
    }
    if (row.lastOwner !== owner) {
      row.owners += 1;
      row.lastOwner = owner;
    }
    return row.value;
  }

  entries(): [string, T & { owners: number }][] {
    return [...this.rows].map(([key, row]) => [key, { ...row.value, owners: row.owners }]);
  }
}

const pairKey = (specialization: string, roleKey: string | null) =>
  `${specialization}\u0000${roleKey ?? ''}`;
const splitKey = (key: string) => key.split('\u0000') as [string, string];
const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

class ModeTally {
  builds = 0;
  teams = 0;
  members = 0;
  readonly owners = new Tally(() => ({}));
  readonly pairs = new Tally(() => ({
    specialization: '',
    roleKey: null as string | null,
    builds: 0,
    teamSlots: 0,
  }));
  /** Plan verdicts per pair: joined to `pairs` at the end, so the order of players is moot. */
  readonly verdicts = new Tally(() => ({ positive: 0, negative: 0 }));
  readonly subgroups = new Tally(() => ({ teams: 0, members: 0 }));
  readonly subgroupRoles = new Tally(() => ({ members: 0 }));
  readonly subgroupCovered = new Tally(() => ({ covered: 0 }));
  readonly missing = new Tally(() => ({ teams: 0, gaps: 0 }));
  readonly plans = new Tally(() => ({
    proposed: 0,
    applied: 0,
    discarded: 0,
    thumbsUp: 0,
    thumbsDown: 0,
  }));

  pair(specialization: string, roleKey: string | null, owner: number) {
    const row = this.pairs.at(pairKey(specialization, roleKey), owner);
    row.specialization = specialization;
    row.roleKey = roleKey;
    return row;
  }
}

export class MetaAggregator {
  private owner = 0;
  private buildsWithoutMode = 0;
  private skippedTeams = 0;
  private readonly modes = new Map<GameMode, ModeTally>();
  private readonly assistant = new Tally(() => ({
    kind: '',
    source: null as string | null,
    jobs: 0,
    succeeded: 0,
    thumbsUp: 0,
    thumbsDown: 0,
  }));

  private mode(gameMode: GameMode): ModeTally {
    let tally = this.modes.get(gameMode);
    if (!tally) {
      tally = new ModeTally();
      this.modes.set(gameMode, tally);
    }
    return tally;
  }

  /** Adds everything one player owns; call once per player. */
  addOwner(facts: OwnerFacts): void {
    this.owner += 1;
    const owner = this.owner;
    for (const build of facts.builds) {
      if (build.modes.length === 0) this.buildsWithoutMode += 1;
      for (const { gameMode, specialization, roleKey } of build.modes) {
        const mode = this.mode(gameMode);
        mode.builds += 1;
        mode.owners.at('', owner);
        mode.pair(specialization, roleKey, owner).builds += 1;
      }
    }
    for (const team of facts.teams) this.addTeam(team, owner);
    for (const plan of facts.plans) this.addPlan(plan, owner);
    for (const job of facts.aiJobs) {
      const row = this.assistant.at(`${job.kind}\u0000${job.source ?? ''}`, owner);
      row.kind = job.kind;
      row.source = job.source;
      row.jobs += 1;
      if (job.status === 'SUCCEEDED') row.succeeded += 1;
      if (job.rating > 0) row.thumbsUp += 1;
      if (job.rating < 0) row.thumbsDown += 1;
    }
  }

  private addTeam(team: TeamFact, owner: number): void {
    if (team.members.length === 0) return;
    let coverage: SquadCoverage;
    try {
      coverage = computeCoverage({
        gameMode: team.gameMode,
        size: team.size,
        members: team.members.map((member, index) => ({
          id: String(index),
          subgroup: member.subgroup,
          provides: member.provides,
        })),
      });
    } catch {
      // A team the coverage core refuses (stored before a rule existed) says nothing reliable.
      this.skippedTeams += 1;
      return;
    }
    const mode = this.mode(team.gameMode);
    mode.teams += 1;
    mode.members += team.members.length;
    mode.owners.at('', owner);
    for (const member of team.members) {
      mode.pair(member.specialization, member.roleKey, owner).teamSlots += 1;
      mode.subgroupRoles.at(`${member.subgroup}\u0000${member.roleKey ?? ''}`, owner).members += 1;
    }
    for (const subgroup of coverage.subgroups) {
      const row = mode.subgroups.at(String(subgroup.subgroup), owner);
      row.teams += 1;
      row.members += subgroup.memberIds.length;
      for (const capability of subgroup.capabilities) {
        if (!capability.required) continue;
        const fill = mode.subgroupCovered.at(
          `${subgroup.subgroup}\u0000${capability.capability}`,
          owner,
        );
        if (capability.score === 1) fill.covered += 1;
      }
    }
    const seen = new Set<string>();
    for (const gap of coverage.gaps) {
      const key = `${gap.capability}\u0000${gap.scope}`;
      const row = mode.missing.at(key, owner);
      row.gaps += 1;
      if (!seen.has(key)) row.teams += 1;
      seen.add(key);
    }
  }

  private addPlan(plan: PlanFact, owner: number): void {
    const mode = this.mode(plan.gameMode);
    const row = mode.plans.at(plan.source, owner);
    row.proposed += 1;
    if (plan.outcome === 'APPLIED') row.applied += 1;
    if (plan.outcome === 'DISCARDED') row.discarded += 1;
    if (plan.rating > 0) row.thumbsUp += 1;
    if (plan.rating < 0) row.thumbsDown += 1;
    const good = plan.rating > 0 || plan.outcome === 'APPLIED';
    const bad = plan.rating < 0 || plan.outcome === 'DISCARDED';
    // A plan's verdict counts once per pair it contains, however many members play it.
    const pairs = new Map(plan.members.map((m) => [pairKey(m.specialization, m.roleKey), m]));
    for (const key of pairs.keys()) {
      const verdict = mode.verdicts.at(key, owner);
      if (good) verdict.positive += 1;
      if (bad) verdict.negative += 1;
    }
  }

  /**
   * The aggregates of everything added. `minSample` is the privacy threshold the weights
   * respect (a pair fewer players contributed to gets weight 0).
   */
  finish(options: { readonly minSample: number }): MetaAggregates {
    const modes = GAME_MODES.filter((m) => this.modes.has(m)).map((gameMode) =>
      finishMode(gameMode, this.modes.get(gameMode)!, options.minSample),
    );
    const assistant: AssistantUsage[] = this.assistant
      .entries()
      .map(([, row]) => row)
      .sort(
        (a, b) => a.kind.localeCompare(b.kind) || (a.source ?? '').localeCompare(b.source ?? ''),
      );
    return {
      formatVersion: META_FORMAT_VERSION,
      owners: this.owner,
      buildsWithoutMode: this.buildsWithoutMode,
      skippedTeams: this.skippedTeams,
      modes,
      assistant,
    };
  }
}

function finishMode(gameMode: GameMode, tally: ModeTally, minSample: number): ModeMeta {
  const verdicts = new Map(tally.verdicts.entries());
  // A pair only plans mention (nobody saved or fielded it) does not become part of the meta.
  const pairRows = tally.pairs.entries().map(([key, row]) => ({
    ...row,
    positive: verdicts.get(key)?.positive ?? 0,
    negative: verdicts.get(key)?.negative ?? 0,
  }));
  const uses = pairRows.reduce((sum, row) => sum + row.builds + row.teamSlots, 0);
  const eliteRoles: EliteRoleShare[] = pairRows
    .map((row) => ({ ...row, share: ratio(row.builds + row.teamSlots, uses) }))
    .sort(
      (a, b) =>
        b.share - a.share ||
        a.specialization.localeCompare(b.specialization) ||
        (a.roleKey ?? '').localeCompare(b.roleKey ?? ''),
    );

  const roleRows = tally.subgroupRoles.entries();
  const coveredRows = new Map(tally.subgroupCovered.entries());
  const subgroups: SubgroupFill[] = tally.subgroups
    .entries()
    .map(([key, row]) => {
      const subgroup = Number(key);
      const roles = roleRows
        .filter(([roleKey]) => splitKey(roleKey)[0] === key)
        .map(([roleKey, role]) => ({
          roleKey: splitKey(roleKey)[1] || null,
          members: role.members,
          owners: role.owners,
          share: ratio(role.members, row.members),
        }))
        .sort((a, b) => b.members - a.members || (a.roleKey ?? '').localeCompare(b.roleKey ?? ''));
      const requirements = CAPABILITIES.flatMap((capability) => {
        const fill = coveredRows.get(`${key}\u0000${capability}`);
        if (!fill) return [];
        return [
          {
            capability,
            covered: fill.covered,
            owners: row.owners,
            rate: ratio(fill.covered, row.teams),
          },
        ];
      });
      return {
        subgroup,
        teams: row.teams,
        members: row.members,
        owners: row.owners,
        fillRate: ratio(row.members, row.teams * 5),
        roles,
        requirements,
      };
    })
    .sort((a, b) => a.subgroup - b.subgroup);

  const missing: MissingRequirement[] = tally.missing
    .entries()
    .map(([key, row]) => {
      const [capability, scope] = splitKey(key);
      return {
        capability: capability as MissingRequirement['capability'],
        scope: scope as MissingRequirement['scope'],
        teams: row.teams,
        gaps: row.gaps,
        owners: row.owners,
        rate: ratio(row.teams, tally.teams),
      };
    })
    .sort(
      (a, b) =>
        b.teams - a.teams ||
        b.gaps - a.gaps ||
        CAPABILITIES.indexOf(a.capability) - CAPABILITIES.indexOf(b.capability),
    );

  const planRows = new Map(tally.plans.entries());
  const acceptance: PlanAcceptance[] = PLAN_SOURCES.flatMap((source) => {
    const row = planRows.get(source);
    return row ? [{ source, ...row, rate: ratio(row.applied, row.proposed) }] : [];
  });

  return {
    gameMode,
    builds: tally.builds,
    teams: tally.teams,
    members: tally.members,
    owners: tally.owners.rows.get('')?.owners ?? 0,
    eliteRoles,
    subgroups,
    missing,
    acceptance,
    weights: preferenceWeights(eliteRoles, minSample),
  };
}
