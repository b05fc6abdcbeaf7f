import { encodeBuildCode, getProfession, getSpecialization, type BuildTemplate } from '@gw2/game';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireViewer } from '../../platform/graphql/authz.js';
import type { GraphQLContext, Viewer } from '../../platform/graphql/context.js';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../../platform/graphql/errors.js';
import type { Metrics } from '../../platform/metrics.js';
import { User } from '../accounts/user.entity.js';
import { TeamChanges } from '../teams/team.changes.js';
import { Build, BuildVisibility } from './build.entity.js';
import type { BuildRecord } from './build.mapper.js';
import { BuildConditions, countBuilds, readBuildPage } from './build.rows.js';
import { decodeCursor, encodeCursor, isUuid } from './build.cursor.js';
import {
  Problems,
  checkMetadata,
  columnsOf,
  decodeChatCode,
  hasTemplateFields,
  templateFromFields,
  type MetadataFields,
  type TemplateFields,
} from './build.validation.js';

export const MAX_IMPORT_CODES = 50;
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** What create and update accept: a chat code or template fields, plus descriptive fields. */
export interface BuildFields extends TemplateFields, MetadataFields {
  readonly chatCode?: string | null;
  readonly visibility?: BuildVisibility | null;
}

export interface BuildListFilter {
  readonly owner?: 'ME' | 'ANY' | null;
  readonly profession?: string | null;
  readonly specialization?: number | null;
  readonly gameMode?: string | null;
  readonly role?: string | null;
  readonly search?: string | null;
}

export interface BuildPage {
  readonly builds: ReadonlyArray<{ build: BuildRecord; cursor: string }>;
  readonly hasNextPage: boolean;
  /** Counts every match; a separate statement, so only run when the caller asks. */
  count(): Promise<number>;
}

export type ImportOutcome =
  | { readonly index: number; readonly chatCode: string; readonly build: Build }
  | { readonly index: number; readonly chatCode: string; readonly error: BadUserInputError };

/** Who sees a build: the owner always; others an unlisted or public one. */
export function canView(
  build: Pick<BuildRecord, 'visibility' | 'owner'>,
  viewer: Viewer | null,
): boolean {
  return build.visibility !== BuildVisibility.PRIVATE || build.owner.id === viewer?.userId;
}

/** `%` and `_` are LIKE wildcards; a search for "50%" means the characters. */
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The service for one request. */
export function buildServiceFor(context: GraphQLContext): BuildService {
  const { metrics, pubSub, clock } = context.services;
  return new BuildService(context.em, context.viewer, metrics, new TeamChanges(pubSub, clock));
}

/**
 * Saved builds for one caller. Stateless apart from the request's EntityManager: built per
 * request from the GraphQL context (or by tests with their own fork).
 */
export class BuildService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly metrics: Pick<Metrics, 'buildCreated'>,
    private readonly teams: TeamChanges,
  ) {}

  private viewerId(): string {
    return requireViewer({ viewer: this.viewer }).userId;
  }

  /** The template the fields describe: from the chat code, the template fields, or `base`. */
  private templateFor(
    fields: BuildFields,
    path: string,
    problems: Problems,
    base?: BuildTemplate,
  ): BuildTemplate | undefined {
    if (fields.chatCode != null) {
      if (hasTemplateFields(fields)) {
        problems.add(
          `${path}.chatCode`,
          'Give either a chat code or the template fields (profession, specializations, skills, weapons), not both.',
        );
        return undefined;
      }
      return decodeChatCode(fields.chatCode, `${path}.chatCode`);
    }
    if (hasTemplateFields(fields) || !base) {
      return templateFromFields(fields, path, problems, base);
    }
    return base;
  }

  /** Creates a build owned by the caller. BAD_USER_INPUT (nothing saved) for invalid fields. */
  async create(fields: BuildFields & { readonly name: string }, path = 'input'): Promise<Build> {
    const ownerId = this.viewerId();
    const problems = new Problems();
    const template = this.templateFor(fields, path, problems);
    const metadata = checkMetadata(fields, template, path, problems);
    problems.throwIfAny();
    if (!template) throw new Error('templateFor returned nothing without a problem');
    const build = this.em.create(Build, {
      owner: this.em.getReference(User, ownerId),
      name: metadata.name ?? '',
      ...columnsOf(template),
      template,
      chatCode: encodeBuildCode(template),
      gameModes: metadata.gameModes ?? [],
      roles: metadata.roles ?? [],
      statPrefix: metadata.statPrefix ?? null,
      notes: metadata.notes ?? '',
      visibility: fields.visibility ?? BuildVisibility.PRIVATE,
    });
    await this.em.flush();
    this.metrics.buildCreated();
    return build;
  }

  /** The build if the caller may see it; NOT_FOUND otherwise (a private build does not leak). */
  async get(id: string): Promise<Build> {
    const build = isUuid(id) ? await this.em.findOne(Build, { id }) : null;
    if (!build || !canView(build, this.viewer)) throw new NotFoundError('Build');
    return build;
  }

  /** The caller's own build: NOT_FOUND when hidden from them, FORBIDDEN when merely not theirs. */
  private async owned(id: string): Promise<Build> {
    const viewerId = this.viewerId();
    const build = await this.get(id);
    if (build.owner.id !== viewerId) throw new ForbiddenError('Only the owner can change a build.');
    return build;
  }

  async update(id: string, fields: BuildFields, path = 'input'): Promise<Build> {
    const build = await this.owned(id);
    const problems = new Problems();
    const template = this.templateFor(fields, path, problems, build.template);
    // A new elite can drop the declared roles: check the kept ones against the new template.
    const roles = fields.roles ?? (template !== build.template ? build.roles : null);
    const metadata = checkMetadata({ ...fields, roles }, template, path, problems);
    problems.throwIfAny();
    if (template && template !== build.template) {
      Object.assign(build, columnsOf(template), {
        template,
        chatCode: encodeBuildCode(template),
      });
    }
    if (metadata.name !== undefined) build.name = metadata.name;
    if (metadata.gameModes !== undefined) build.gameModes = metadata.gameModes;
    if (fields.roles != null && metadata.roles !== undefined) build.roles = metadata.roles;
    if (metadata.statPrefix !== undefined) build.statPrefix = metadata.statPrefix;
    if (metadata.notes !== undefined) build.notes = metadata.notes;
    if (fields.visibility != null) build.visibility = fields.visibility;
    await this.em.flush();
    return build;
  }

  /**
   * Deleting a build deletes the team members playing it (on delete cascade), so their teams
   * change version in the same transaction and hear of it once committed.
   */
  async delete(id: string): Promise<void> {
    const build = await this.owned(id);
    const changed = await this.em.transactional(async (tx) => {
      // Locked first, so no member can be added to it between the bump and the delete.
      await tx.execute(`select 1 from "builds" where "id" = ? for update`, [build.id]);
      const teams = await this.teams.bumpTeamsWithBuild(tx, build.id);
      tx.remove(build);
      await tx.flush();
      return teams;
    });
    await this.teams.publishUpdated(changed);
  }

  /**
   * Saves every code that decodes, in one transaction; the others come back with their
   * error (partial success). More than {@link MAX_IMPORT_CODES} codes saves nothing.
   */
  async importCodes(
    codes: readonly string[],
    visibility: BuildVisibility = BuildVisibility.PRIVATE,
  ): Promise<ImportOutcome[]> {
    const ownerId = this.viewerId();
    if (codes.length === 0 || codes.length > MAX_IMPORT_CODES) {
      throw new BadUserInputError(`Import 1 to ${MAX_IMPORT_CODES} codes at a time.`, {
        field: 'codes',
        reason: 'TOO_MANY_CODES',
      });
    }
    const outcomes = codes.map((chatCode, index): ImportOutcome => {
      try {
        const template = decodeChatCode(chatCode, `codes[${index}]`);
        const build = this.em.create(Build, {
          owner: this.em.getReference(User, ownerId),
          name: defaultName(template),
          ...columnsOf(template),
          template,
          chatCode: encodeBuildCode(template),
          visibility,
        });
        return { index, chatCode, build };
      } catch (error) {
        if (error instanceof BadUserInputError) return { index, chatCode, error };
        throw error;
      }
    });
    await this.em.flush();
    for (const outcome of outcomes) if ('build' in outcome) this.metrics.buildCreated();
    return outcomes;
  }

  /**
   * One page, newest first, keyset-paginated on (created_at, id). `ANY` lists public builds
   * and the caller's own; `ME` all of the caller's (sign-in needed).
   */
  async list(filter: BuildListFilter, first: number, after?: string | null): Promise<BuildPage> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw new BadUserInputError(`first is 1 to ${MAX_PAGE_SIZE}.`, {
        field: 'first',
        reason: 'OUT_OF_RANGE',
      });
    }
    const cursor = after == null ? undefined : decodeCursor(after, 'after');
    const where = this.filtered(filter);
    const rows = await readBuildPage(this.em, where, first + 1, cursor);
    const builds = rows.slice(0, first).map((build) => ({ build, cursor: encodeCursor(build) }));
    let counted: Promise<number> | undefined;
    return {
      builds,
      hasNextPage: rows.length > first,
      count: () => (counted ??= countBuilds(this.em, where)),
    };
  }

  private filtered(filter: BuildListFilter): BuildConditions {
    const where = new BuildConditions();
    if (filter.owner === 'ME') {
      where.add('b."owner_id" = ?', this.viewerId());
    } else if (this.viewer) {
      where.add(`(b."visibility" = 'PUBLIC' or b."owner_id" = ?)`, this.viewer.userId);
    } else {
      where.add(`b."visibility" = 'PUBLIC'`);
    }
    if (filter.profession != null) {
      const profession = getProfession(filter.profession);
      if (!profession) {
        throw new BadUserInputError(`Unknown profession "${filter.profession}".`, {
          field: 'filter.profession',
          reason: 'UNKNOWN_PROFESSION',
        });
      }
      where.add('b."profession" = ?', profession.id);
    }
    if (filter.specialization != null) {
      if (!getSpecialization(filter.specialization)) {
        throw new BadUserInputError(`Unknown specialization ${filter.specialization}.`, {
          field: 'filter.specialization',
          reason: 'UNKNOWN_SPECIALIZATION',
        });
      }
      where.add(
        'b."specializations" @> cast(? as jsonb)',
        JSON.stringify([{ id: filter.specialization }]),
      );
    }
    if (filter.gameMode != null) {
      where.add('b."game_modes" @> cast(? as jsonb)', JSON.stringify([filter.gameMode]));
    }
    if (filter.role != null) {
      where.add('b."roles" @> cast(? as jsonb)', JSON.stringify([filter.role]));
    }
    const search = filter.search?.trim();
    if (search) {
      if (search.length > 100) {
        throw new BadUserInputError('A search has at most 100 characters.', {
          field: 'filter.search',
          reason: 'TOO_LONG',
        });
      }
      where.add('b."name" ilike ?', likePattern(search));
    }
    return where;
  }
}

/** "Dragonhunter build", or the profession's name for a core build. */
function defaultName(template: BuildTemplate): string {
  const elite = getSpecialization(template.specializations[2].specializationId);
  const name = elite?.elite ? elite.name : template.profession.id;
  return `${name} build`;
}
