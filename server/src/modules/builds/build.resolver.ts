import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
} from 'type-graphql';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { NotFoundError } from '../../platform/graphql/errors.js';
import { BuildVisibility } from './build.entity.js';
import { BuildFilter, CreateBuildInput, UpdateBuildInput } from './build.inputs.js';
import { buildLoaders } from './build.loaders.js';
import { toBuild, toTemplateView } from './build.mapper.js';
import { DEFAULT_PAGE_SIZE, buildServiceFor, canView } from './build.service.js';
import {
  Build,
  BuildConnection,
  BuildOwner,
  BuildTemplateView,
  ImportBuildsPayload,
} from './build.types.js';
import { decodeChatCode } from './build.validation.js';
import { Parent } from '../../platform/graphql/parent.js';

@Resolver(() => Build)
export class BuildResolver {
  @Query(() => Build, {
    description: 'A build by id: private ones for their owner only (NOT_FOUND for others)',
  })
  async build(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<Build> {
    const build = await buildLoaders(context).builds.load(id);
    if (!build || !canView(build, context.viewer)) throw new NotFoundError('Build');
    return toBuild(build);
  }

  @Query(() => BuildConnection, { description: 'Builds newest first, as a Relay connection' })
  async builds(
    @Ctx() context: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: '1 to 100' })
    first: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('filter', () => BuildFilter, { nullable: true }) filter?: BuildFilter | null,
  ): Promise<BuildConnection> {
    const page = await buildServiceFor(context).list(filter ?? {}, first, after);
    const loaders = buildLoaders(context);
    const edges = page.builds.map(({ build, cursor }) => {
      loaders.builds.prime(build.id, build);
      return { cursor, node: toBuild(build) };
    });
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      count: () => page.count(),
    };
  }

  @Query(() => BuildTemplateView, { description: 'What a chat code describes, without saving it' })
  decodeBuildCode(@Arg('code', () => String) code: string): BuildTemplateView {
    return toTemplateView(decodeChatCode(code, 'code'));
  }

  @Authorized()
  @Mutation(() => Build, {
    description:
      'Creates a build from a chat code or from explicit fields, checked against the catalog',
  })
  async createBuild(
    @Arg('input', () => CreateBuildInput) input: CreateBuildInput,
    @Ctx() context: GraphQLContext,
  ): Promise<Build> {
    return toBuild(await buildServiceFor(context).create(input));
  }

  @Authorized()
  @Mutation(() => Build, { description: 'Changes the given fields of one of my builds' })
  async updateBuild(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateBuildInput) input: UpdateBuildInput,
    @Ctx() context: GraphQLContext,
  ): Promise<Build> {
    return toBuild(await buildServiceFor(context).update(id, input));
  }

  @Authorized()
  @Mutation(() => ID, { description: 'Deletes one of my builds; returns its id' })
  async deleteBuild(
    @Arg('id', () => ID) id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<string> {
    await buildServiceFor(context).delete(id);
    return id;
  }

  @Authorized()
  @Mutation(() => ImportBuildsPayload, {
    description: 'Saves up to 50 chat codes; each code succeeds or fails on its own',
  })
  async importBuilds(
    @Arg('codes', () => [String]) codes: string[],
    @Ctx() context: GraphQLContext,
    @Arg('visibility', () => BuildVisibility, { defaultValue: BuildVisibility.PRIVATE })
    visibility: BuildVisibility,
  ): Promise<ImportBuildsPayload> {
    const outcomes = await buildServiceFor(context).importCodes(codes, visibility);
    const results = outcomes.map((outcome) =>
      'build' in outcome
        ? {
            index: outcome.index,
            chatCode: outcome.chatCode,
            build: toBuild(outcome.build),
            error: null,
          }
        : {
            index: outcome.index,
            chatCode: outcome.chatCode,
            build: null,
            error: {
              message: outcome.error.message,
              code: outcome.error.code,
              reason: stringExtension(outcome.error.extensions.reason),
              field: stringExtension(outcome.error.extensions.field),
            },
          },
    );
    const created = results.filter((result) => result.build !== null).length;
    return { results, created, failed: results.length - created };
  }

  @FieldResolver(() => BuildOwner)
  async owner(@Parent() build: Build, @Ctx() context: GraphQLContext): Promise<BuildOwner> {
    const owner = await buildLoaders(context).owners.load(build.ownerId);
    // The foreign key cascades deletes, so an owner exists for every build read.
    if (!owner) throw new Error(`Build ${build.id} has no owner ${build.ownerId}`);
    return owner;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the caller may change or delete it' })
  viewerCanEdit(@Parent() build: Build, @Ctx() context: GraphQLContext): boolean {
    return context.viewer?.userId === build.ownerId;
  }
}

@Resolver(() => BuildConnection)
export class BuildConnectionResolver {
  @FieldResolver(() => Int, { description: 'Every matching build (one more statement)' })
  totalCount(@Parent() connection: BuildConnection): Promise<number> {
    return connection.count();
  }
}

function stringExtension(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
