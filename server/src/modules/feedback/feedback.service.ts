/**
 * Players' thumbs on what they were given: one per player per subject, replaced by a new one.
 * A player can rate only what they could see: their own AI jobs and their own recorded plans
 * (anything else is NOT_FOUND, so ids of other players' work do not leak).
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../platform/graphql/context.js';
import { BadUserInputError, NotFoundError } from '../../platform/graphql/errors.js';
import { AiJob } from '../ai/ai-job.entity.js';
import { isUuid } from '../builds/build.cursor.js';
import { ownPlan } from '../optimizer/plan-record.service.js';
import { Feedback, FeedbackRating, FeedbackSubject } from './feedback.entity.js';
import { MAX_REASON_LENGTH, type FeedbackEntry, type FeedbackInput } from './feedback.types.js';

function toEntry(feedback: Feedback): FeedbackEntry {
  return {
    subject: feedback.subjectType,
    subjectId: feedback.subjectId,
    rating: feedback.rating === 1 ? FeedbackRating.UP : FeedbackRating.DOWN,
    reason: feedback.reason,
    updatedAt: feedback.updatedAt,
  };
}

/** Trimmed, null when blank; BAD_USER_INPUT when too long or carrying control characters. */
function checkedReason(reason: string | null | undefined): string | null {
  const text = reason?.trim() ?? '';
  if (text === '') return null;
  if (text.length > MAX_REASON_LENGTH) {
    throw new BadUserInputError(`A reason has at most ${MAX_REASON_LENGTH} characters.`, {
      field: 'input.reason',
      reason: 'REASON_TOO_LONG',
    });
  }
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) {
    throw new BadUserInputError('A reason is plain text.', {
      field: 'input.reason',
      reason: 'INVALID_REASON',
    });
  }
  return text;
}

/** NOT_FOUND unless the viewer may see the subject. */
async function checkSubject(
  em: EntityManager,
  viewer: Viewer,
  subject: FeedbackSubject,
  id: string,
): Promise<void> {
  if (subject === FeedbackSubject.SQUAD_PLAN) {
    await ownPlan(em, viewer, id);
    return;
  }
  const job = isUuid(id) ? await em.findOne(AiJob, { id, owner: viewer.userId }) : null;
  if (!job) throw new NotFoundError('AI job');
}

export class FeedbackService {
  constructor(private readonly em: EntityManager) {}

  /** Stores the viewer's thumbs on the subject, replacing any earlier one. */
  async submit(viewer: Viewer, input: FeedbackInput, now: Date): Promise<FeedbackEntry> {
    const reason = checkedReason(input.reason);
    await checkSubject(this.em, viewer, input.subject, input.subjectId);
    const rating = input.rating === FeedbackRating.UP ? 1 : -1;
    const key = { user: viewer.userId, subjectType: input.subject, subjectId: input.subjectId };
    const feedback = await this.em.upsert(
      Feedback,
      { id: randomUUID(), ...key, rating, reason, createdAt: now, updatedAt: now },
      {
        onConflictFields: ['user', 'subjectType', 'subjectId'],
        onConflictMergeFields: ['rating', 'reason', 'updatedAt'],
      },
    );
    return toEntry(feedback);
  }

  /** The viewer's thumbs on the subject, or null (NOT_FOUND for a subject they cannot see). */
  async mine(viewer: Viewer, subject: FeedbackSubject, id: string): Promise<FeedbackEntry | null> {
    await checkSubject(this.em, viewer, subject, id);
    const feedback = await this.em.findOne(Feedback, {
      user: viewer.userId,
      subjectType: subject,
      subjectId: id,
    });
    return feedback ? toEntry(feedback) : null;
  }
}
