import { AiJob } from './ai/ai-job.entity.js';
import { RefreshSession } from './accounts/refresh-session.entity.js';
import { User } from './accounts/user.entity.js';
import { Build } from './builds/build.entity.js';
import { Feedback } from './feedback/feedback.entity.js';
import { MetaSnapshot, PipelineRun } from './meta/meta.entity.js';
import { SquadPlanRecord } from './optimizer/plan-record.entity.js';
import { Team, TeamMember, TeamShare } from './teams/team.entity.js';

/** Every entity the ORM knows, listed explicitly (no glob discovery: builds and tests agree). */
export const entities = [
  User,
  RefreshSession,
  Build,
  Team,
  TeamMember,
  TeamShare,
  MetaSnapshot,
  PipelineRun,
  AiJob,
  SquadPlanRecord,
  Feedback,
] as const;
