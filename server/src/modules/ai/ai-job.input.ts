/**
 * A job's request as stored in `ai_jobs.input`: validated by the mutation, complete enough for
 * any worker to run it later (a team's roster is read when the job is created).
 */
import type { GameMode } from '@gw2/game';
import type { OptimizeSquadInput, RosterPlayerInput } from '../optimizer/optimizer.inputs.js';
import type { SynergyEntryInput } from '../teams/team.inputs.js';
import type { RosterLine } from './model/prompts.js';

export interface ComposeJobInput {
  readonly request: string | null;
  /** Structured input; null for a free-text request (the model fills it). */
  readonly squad: OptimizeSquadInput | null;
  readonly teamId: string | null;
  /** A team's members as players (with `request`; `squad` carries it otherwise). */
  readonly roster: RosterPlayerInput[] | null;
  /** The roster as the parse prompt shows it. */
  readonly rosterLines: RosterLine[];
}

export interface ReviewJobInput {
  readonly buildId: string;
  readonly buildName: string;
  readonly gameMode: GameMode;
  readonly roleKey: string | null;
}

export interface SynergyJobInput {
  readonly gameMode: GameMode;
  readonly entries: SynergyEntryInput[];
  readonly teamId: string | null;
  readonly subgroup: number | null;
}
