import type { GameMode as GameModeId } from '@gw2/game';
import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { GameMode } from '../catalog/catalog.types.js';
import { PipelineTrigger } from './meta.entity.js';
import {
  toHistoryEntry,
  toModeMeta,
  toPipelineResult,
  toPipelineRun,
  toSnapshotInfo,
} from './meta.mapper.js';
import { MetaService } from './meta.service.js';
import {
  MetaHistoryEntry,
  MetaPipelineResult,
  MetaPipelineRun,
  MetaSnapshotInfo,
  ModeMeta,
} from './meta.types.js';

@Resolver()
export class MetaResolver {
  @Query(() => ModeMeta, {
    nullable: true,
    description:
      'What players really run in a mode, from the meta snapshot in force (null before the ' +
      'learning pipeline’s first run). Open to everyone: only aggregates at least minSample ' +
      'players contributed to are shown',
  })
  async metaSnapshot(
    @Arg('gameMode', () => GameMode) gameMode: GameModeId,
    @Ctx() context: GraphQLContext,
  ): Promise<ModeMeta | null> {
    const snapshot = await new MetaService(context.em).inForce(gameMode);
    return snapshot ? toModeMeta(snapshot, gameMode) : null;
  }

  @Query(() => [MetaHistoryEntry], {
    description: 'Snapshots of a mode, newest first (plan acceptance over time)',
  })
  async metaHistory(
    @Arg('gameMode', () => GameMode) gameMode: GameModeId,
    @Arg('first', () => Int, { defaultValue: 30, description: '1 to 365' }) first: number,
    @Ctx() context: GraphQLContext,
  ): Promise<MetaHistoryEntry[]> {
    const snapshots = await new MetaService(context.em).history(gameMode, first);
    return snapshots.map((snapshot) => toHistoryEntry(snapshot, gameMode));
  }

  @Query(() => [MetaPipelineRun], {
    description: 'The learning pipeline’s recent runs with their details, newest first (admins)',
  })
  @Authorized('ADMIN')
  async metaPipelineRuns(
    @Arg('first', () => Int, { defaultValue: 20, description: '1 to 200' }) first: number,
    @Ctx() context: GraphQLContext,
  ): Promise<MetaPipelineRun[]> {
    const runs = await new MetaService(context.em).runs(first);
    return runs.map(toPipelineRun);
  }

  @Mutation(() => MetaPipelineResult, {
    description: 'Runs the learning pipeline now (admins); a day that has its snapshot is skipped',
  })
  @Authorized('ADMIN')
  async runMetaPipeline(@Ctx() context: GraphQLContext): Promise<MetaPipelineResult> {
    const outcome = await context.services.meta.pipeline.run(PipelineTrigger.MANUAL);
    context.log.info(
      { status: outcome.status, period: outcome.period },
      'meta pipeline run by hand',
    );
    return toPipelineResult(outcome);
  }

  @Mutation(() => MetaSnapshotInfo, {
    description: 'Puts a snapshot in force whatever runs after it, until unpinned (admins)',
  })
  @Authorized('ADMIN')
  async pinMetaSnapshot(
    @Arg('version', () => Int) version: number,
    @Ctx() context: GraphQLContext,
  ): Promise<MetaSnapshotInfo> {
    const info = await new MetaService(context.em).pin(version, context.services.clock.now());
    context.log.info({ version }, 'meta snapshot pinned');
    return toSnapshotInfo(info);
  }

  @Mutation(() => Boolean, {
    description: 'Back to the newest snapshot; true when one was pinned (admins)',
  })
  @Authorized('ADMIN')
  async unpinMetaSnapshot(@Ctx() context: GraphQLContext): Promise<boolean> {
    return new MetaService(context.em).unpin();
  }

  @Mutation(() => MetaSnapshotInfo, {
    description:
      'Puts an older snapshot back in force: newer ones are withdrawn and any pin cleared (admins)',
  })
  @Authorized('ADMIN')
  async rollbackMetaSnapshot(
    @Arg('toVersion', () => Int) toVersion: number,
    @Ctx() context: GraphQLContext,
  ): Promise<MetaSnapshotInfo> {
    const info = await new MetaService(context.em).rollback(
      toVersion,
      context.services.clock.now(),
    );
    context.log.warn({ toVersion }, 'meta snapshot rolled back');
    return toSnapshotInfo(info);
  }
}
