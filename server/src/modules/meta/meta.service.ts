/**
 * Reading and steering the meta snapshots: the one in force (pinned, else the newest not
 * withdrawn), the history, pin and rollback, the pipeline's run records. Snapshots are read
 * per mode straight from the JSON column, so a query never loads the other modes.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GameMode, MetaAggregates, ModeMeta, PreferenceWeight } from '@gw2/game';
import { BadUserInputError, NotFoundError } from '../../platform/graphql/errors.js';
import { MetaSnapshot, PipelineRun } from './meta.entity.js';

export interface SnapshotInfo {
  readonly version: number;
  readonly period: string;
  readonly createdAt: Date;
  readonly pinned: boolean;
  readonly withdrawn: boolean;
  readonly minSample: number;
  readonly formatVersion: number;
}

export interface ModeSnapshot {
  readonly info: SnapshotInfo;
  /** null when no player touched the mode in that snapshot. */
  readonly mode: ModeMeta | null;
  readonly assistant: MetaAggregates['assistant'];
}

interface InfoRow {
  version: number;
  period: string;
  created_at: Date;
  pinned_at: Date | null;
  withdrawn_at: Date | null;
  min_sample: number;
  format_version: number;
}

const INFO_COLUMNS = `s.version, s.period, s.created_at, s.pinned_at, s.withdrawn_at, s.min_sample, s.format_version`;
/** The snapshot in force: pinned, else the newest not withdrawn. */
const IN_FORCE = `s.withdrawn_at is null order by (s.pinned_at is not null) desc, s.version desc limit 1`;
const MODE_OF = `(select m from jsonb_array_elements(s.data -> 'modes') m where m ->> 'gameMode' = ?)`;

function toInfo(row: InfoRow): SnapshotInfo {
  return {
    version: row.version,
    period: row.period,
    createdAt: new Date(row.created_at),
    pinned: row.pinned_at !== null,
    withdrawn: row.withdrawn_at !== null,
    minSample: row.min_sample,
    formatVersion: row.format_version,
  };
}

export class MetaService {
  constructor(private readonly em: EntityManager) {}

  /** The snapshot in force and its section for `gameMode`; null before the first run. */
  async inForce(gameMode: GameMode): Promise<ModeSnapshot | null> {
    const [row] = await this.em.execute<
      (InfoRow & { mode: ModeMeta | null; assistant: MetaAggregates['assistant'] })[]
    >(
      `select ${INFO_COLUMNS}, ${MODE_OF} as mode, s.data -> 'assistant' as assistant
       from meta_snapshots s where ${IN_FORCE}`,
      [gameMode],
    );
    return row ? { info: toInfo(row), mode: row.mode, assistant: row.assistant ?? [] } : null;
  }

  /**
   * The preference weights of the snapshot in force for `gameMode`, with its version (null and
   * no weights before the first run, or when no snapshot is in force).
   */
  async weightsInForce(
    gameMode: GameMode,
  ): Promise<{ version: number | null; weights: readonly PreferenceWeight[] }> {
    const [row] = await this.em.execute<{ version: number; weights: PreferenceWeight[] | null }[]>(
      `select s.version, ${MODE_OF} -> 'weights' as weights from meta_snapshots s where ${IN_FORCE}`,
      [gameMode],
    );
    return { version: row?.version ?? null, weights: row?.weights ?? [] };
  }

  /** Snapshots newest first, with their section for `gameMode`. */
  async history(gameMode: GameMode, first: number): Promise<ModeSnapshot[]> {
    if (!Number.isInteger(first) || first < 1 || first > 365) {
      throw new BadUserInputError('first is from 1 to 365.', { field: 'first' });
    }
    const rows = await this.em.execute<(InfoRow & { mode: ModeMeta | null })[]>(
      `select ${INFO_COLUMNS}, ${MODE_OF} as mode from meta_snapshots s
       order by s.version desc limit ?`,
      [gameMode, first],
    );
    return rows.map((row) => ({ info: toInfo(row), mode: row.mode, assistant: [] }));
  }

  async info(version: number): Promise<SnapshotInfo> {
    const [row] = await this.em.execute<InfoRow[]>(
      `select ${INFO_COLUMNS} from meta_snapshots s where s.version = ?`,
      [version],
    );
    if (!row) throw new NotFoundError('Meta snapshot');
    return toInfo(row);
  }

  /** The optimizer uses this snapshot from now on, whatever runs after it, until unpinned. */
  async pin(version: number, now: Date): Promise<SnapshotInfo> {
    await this.em.transactional(async (tx) => {
      const snapshot = await tx.findOne(MetaSnapshot, { version });
      if (!snapshot) throw new NotFoundError('Meta snapshot');
      if (snapshot.withdrawnAt) {
        throw new BadUserInputError('A rolled-back snapshot cannot be pinned.', {
          field: 'version',
          reason: 'WITHDRAWN',
        });
      }
      await tx.nativeUpdate(MetaSnapshot, { pinnedAt: { $ne: null } }, { pinnedAt: null });
      await tx.nativeUpdate(MetaSnapshot, { version }, { pinnedAt: now });
    });
    return this.info(version);
  }

  /** Back to the newest snapshot; true when one was pinned. */
  async unpin(): Promise<boolean> {
    const count = await this.em.nativeUpdate(
      MetaSnapshot,
      { pinnedAt: { $ne: null } },
      { pinnedAt: null },
    );
    return count > 0;
  }

  /**
   * Puts `version` back in force: every newer snapshot is withdrawn (kept for the record, never
   * used again) and any pin is cleared. The next period's run makes a fresh snapshot.
   */
  async rollback(version: number, now: Date): Promise<SnapshotInfo> {
    await this.em.transactional(async (tx) => {
      const snapshot = await tx.findOne(MetaSnapshot, { version });
      if (!snapshot) throw new NotFoundError('Meta snapshot');
      if (snapshot.withdrawnAt) {
        throw new BadUserInputError('That snapshot was rolled back itself.', {
          field: 'toVersion',
          reason: 'WITHDRAWN',
        });
      }
      await tx.nativeUpdate(MetaSnapshot, { pinnedAt: { $ne: null } }, { pinnedAt: null });
      await tx.nativeUpdate(
        MetaSnapshot,
        { version: { $gt: version }, withdrawnAt: null },
        { withdrawnAt: now },
      );
    });
    return this.info(version);
  }

  /** The pipeline's recent runs, newest first (admins). */
  async runs(first: number): Promise<PipelineRun[]> {
    if (!Number.isInteger(first) || first < 1 || first > 200) {
      throw new BadUserInputError('first is from 1 to 200.', { field: 'first' });
    }
    return this.em.find(PipelineRun, {}, { orderBy: { startedAt: 'desc' }, limit: first });
  }
}
