/**
 * Recording the plans signed-in players are proposed, and what they did with them (applied or
 * discarded): the learning pipeline's plan acceptance, and the subjects of plan feedback.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PlanSource } from '@gw2/game';
import type { Viewer } from '../../platform/graphql/context.js';
import { BadUserInputError, NotFoundError } from '../../platform/graphql/errors.js';
import { isUuid } from '../builds/build.cursor.js';
import { TRAITS_ONLY_ROLE } from './candidates.js';
import { SquadPlanRecord } from './plan-record.entity.js';
import type { SquadPlan } from './optimizer.types.js';

/**
 * Records `plan` for `viewer` and returns it with its id. A plain statement: it flushes nothing
 * else the caller's EntityManager holds (the AI runner keeps its job there). With `id` (an AI
 * job's id) the record is replaced rather than added when that id was recorded before, so a
 * retried attempt leaves one plan, the one it returns.
 */
export async function recordPlan(
  em: EntityManager,
  viewer: Viewer,
  plan: SquadPlan,
  source: PlanSource,
  now: Date,
  id: string = randomUUID(),
): Promise<SquadPlan> {
  await em
    .createQueryBuilder(SquadPlanRecord)
    .insert({
      id,
      owner: viewer.userId,
      gameMode: plan.gameMode,
      size: plan.size,
      source,
      members: plan.assignments.map((assignment) => ({
        specialization: assignment.specialization,
        roleKey: assignment.roleKey === TRAITS_ONLY_ROLE.key ? null : assignment.roleKey,
      })),
      createdAt: now,
    })
    .onConflict('id')
    .merge(['gameMode', 'size', 'members', 'createdAt'])
    .execute('run');
  return { ...plan, id };
}

/** The viewer's own plan record, or NOT_FOUND (other players' plans do not exist for them). */
export async function ownPlan(
  em: EntityManager,
  viewer: Viewer,
  id: string,
): Promise<SquadPlanRecord> {
  const record = isUuid(id)
    ? await em.findOne(SquadPlanRecord, { id, owner: viewer.userId })
    : null;
  if (!record) throw new NotFoundError('Squad plan');
  return record;
}

/**
 * Marks a plan applied or discarded. A decided plan keeps its first outcome, except that a
 * discarded plan may still be applied (players change their minds; applying is what counts).
 */
export async function decidePlan(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  outcome: 'APPLIED' | 'DISCARDED',
  now: Date,
  field: string,
): Promise<SquadPlanRecord> {
  const record = await ownPlan(em, viewer, id);
  if (record.outcome === 'APPLIED' && outcome === 'DISCARDED') {
    throw new BadUserInputError('That plan was applied already.', {
      field,
      reason: 'PLAN_APPLIED',
    });
  }
  if (record.outcome !== outcome) {
    record.outcome = outcome;
    record.decidedAt = now;
    await em.flush();
  }
  return record;
}
