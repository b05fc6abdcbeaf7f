/** From stored snapshots to the API's types; every aggregate goes through `publicMeta` first. */
import {
  GAME_MODE_CONTEXT,
  findRoleOption,
  publicMeta,
  type GameMode,
  type ModeMeta as ModeMetaData,
} from '@gw2/game';
import type { RequirementScope } from '../teams/team.types.js';
import type { PipelineOutcome } from './learning-pipeline.js';
import type { PipelineRun } from './meta.entity.js';
import type { ModeSnapshot, SnapshotInfo } from './meta.service.js';
import {
  MetaPipelineOutcome,
  type MetaHistoryEntry,
  type MetaPipelineResult,
  type MetaPipelineRun,
  type MetaSnapshotInfo,
  type ModeMeta,
  type PlanAcceptance,
  type PlanSource,
} from './meta.types.js';

/** The role's label from the role table; null for unknown roles or core builds. */
function roleLabel(specialization: string, roleKey: string | null, gameMode: GameMode) {
  if (roleKey === null) return null;
  try {
    return findRoleOption(specialization, GAME_MODE_CONTEXT[gameMode], roleKey).label;
  } catch {
    return null;
  }
}

const toInfo = (info: SnapshotInfo): MetaSnapshotInfo => ({
  version: info.version,
  period: info.period,
  createdAt: info.createdAt,
  pinned: info.pinned,
  withdrawn: info.withdrawn,
  minSample: info.minSample,
});
export { toInfo as toSnapshotInfo };

/** A mode nobody touched in a snapshot: no data, shown as such. */
function emptyMode(gameMode: GameMode): ModeMetaData {
  return {
    gameMode,
    builds: 0,
    teams: 0,
    members: 0,
    owners: 0,
    eliteRoles: [],
    subgroups: [],
    missing: [],
    acceptance: [],
    weights: [],
  };
}

function toAcceptance(rows: ModeMetaData['acceptance']): PlanAcceptance[] {
  return rows.map(({ owners, source, ...row }) => ({
    ...row,
    source: source as PlanSource,
    players: owners,
  }));
}

export function toModeMeta(snapshot: ModeSnapshot, gameMode: GameMode): ModeMeta {
  const meta = publicMeta(snapshot.mode ?? emptyMode(gameMode), snapshot.info.minSample);
  return {
    snapshot: toInfo(snapshot.info),
    gameMode,
    enoughData: meta.enoughData,
    builds: meta.builds,
    teams: meta.teams,
    members: meta.members,
    players: meta.owners,
    otherShare: meta.otherShare,
    hidden: meta.hidden,
    eliteRoles: meta.eliteRoles.map((row) => ({
      specialization: row.specialization,
      roleKey: row.roleKey,
      roleLabel: roleLabel(row.specialization, row.roleKey, gameMode),
      builds: row.builds,
      teamSlots: row.teamSlots,
      share: row.share,
      players: row.owners,
    })),
    subgroups: meta.subgroups.map(({ owners, roles, requirements, ...subgroup }) => ({
      ...subgroup,
      players: owners,
      roles: roles.map(({ owners: players, ...role }) => ({ ...role, players })),
      requirements: requirements.map(({ capability, covered, rate }) => ({
        capability,
        covered,
        rate,
      })),
    })),
    missing: meta.missing.map(({ owners, scope, ...row }) => ({
      ...row,
      scope: scope as RequirementScope,
      players: owners,
    })),
    acceptance: toAcceptance(meta.acceptance),
    weights: meta.weights.map((weight) => ({
      ...weight,
      roleLabel: roleLabel(weight.specialization, weight.roleKey, gameMode),
    })),
    // Across modes, shown under the same privacy rule as the mode's aggregates.
    assistant: snapshot.assistant
      .filter((row) => row.owners >= snapshot.info.minSample)
      .map(({ owners, ...row }) => ({ ...row, players: owners })),
  };
}

export function toHistoryEntry(snapshot: ModeSnapshot, gameMode: GameMode): MetaHistoryEntry {
  const meta = publicMeta(snapshot.mode ?? emptyMode(gameMode), snapshot.info.minSample);
  return {
    snapshot: toInfo(snapshot.info),
    enoughData: meta.enoughData,
    players: meta.owners,
    builds: meta.builds,
    teams: meta.teams,
    acceptance: toAcceptance(meta.acceptance),
  };
}

export function toPipelineRun(run: PipelineRun): MetaPipelineRun {
  return {
    id: run.id,
    period: run.period,
    trigger: run.trigger,
    status: run.status,
    snapshotVersion: run.snapshotVersion,
    // jsonb keeps its own key order: sort for a stable answer.
    rowsRead: Object.entries(run.rowsRead)
      .map(([table, rows]) => ({ table, rows }))
      .sort((a, b) => a.table.localeCompare(b.table)),
    durationMs: run.durationMs,
    errorMessage: run.errorMessage,
    host: run.host,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}

export function toPipelineResult(outcome: PipelineOutcome): MetaPipelineResult {
  return {
    status: MetaPipelineOutcome[outcome.status],
    period: outcome.period,
    reason: outcome.status === 'SKIPPED' ? outcome.reason : null,
    snapshotVersion: outcome.status === 'SUCCEEDED' ? outcome.snapshotVersion : null,
    errorMessage: outcome.status === 'FAILED' ? outcome.error.message : null,
  };
}
