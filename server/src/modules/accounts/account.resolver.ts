import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { requireViewer } from '../../platform/graphql/authz.js';
import { RateLimit } from '../../platform/security/rate-limit.decorator.js';
import type { SessionGrant } from './account.service.js';
import { ChangePasswordInput, LoginInput, RegisterInput } from './account.inputs.js';
import { Account, AuthPayload } from './account.types.js';
import { clearRefreshCookie, REFRESH_COOKIE, setRefreshCookie } from './refresh-cookie.js';
import type { User } from './user.entity.js';

function toAccount(user: User): Account {
  return {
    id: user.id,
    email: user.email,
    username: user.username,
    role: user.role,
    createdAt: user.createdAt,
  };
}

/** Hands the access token to the body and the refresh token to the cookie, never the reverse. */
function grant(context: GraphQLContext, session: SessionGrant): AuthPayload {
  setRefreshCookie(
    context.cookies,
    session.refreshToken,
    session.refreshTokenExpiresAt,
    context.services.accounts.secureCookies,
  );
  return {
    accessToken: session.accessToken,
    expiresAt: session.accessTokenExpiresAt,
    user: toAccount(session.user),
  };
}

@Resolver()
export class AccountResolver {
  @Query(() => Account, { description: 'The signed-in account' })
  @Authorized()
  async me(@Ctx() context: GraphQLContext): Promise<Account> {
    return toAccount(
      await context.services.accounts.service.me(context.em, requireViewer(context)),
    );
  }

  @Mutation(() => AuthPayload, { description: 'Creates an account and signs in' })
  @RateLimit('auth')
  async register(
    @Arg('input', () => RegisterInput) input: RegisterInput,
    @Ctx() context: GraphQLContext,
  ): Promise<AuthPayload> {
    const session = await context.services.accounts.service.register(context.em, input);
    context.services.metrics.userRegistered();
    return grant(context, session);
  }

  @Mutation(() => AuthPayload, { description: 'Signs in with an e-mail address or username' })
  @RateLimit('auth')
  async login(
    @Arg('input', () => LoginInput) input: LoginInput,
    @Ctx() context: GraphQLContext,
  ): Promise<AuthPayload> {
    return grant(
      context,
      await context.services.accounts.service.login(context.em, input.login, input.password),
    );
  }

  @Mutation(() => AuthPayload, {
    description: 'A new access token for the refresh cookie, which is replaced (it works once)',
  })
  async refreshSession(@Ctx() context: GraphQLContext): Promise<AuthPayload> {
    try {
      return grant(
        context,
        await context.services.accounts.service.refresh(
          context.em,
          context.cookies.get(REFRESH_COOKIE),
        ),
      );
    } catch (error) {
      clearRefreshCookie(context.cookies, context.services.accounts.secureCookies);
      throw error;
    }
  }

  @Mutation(() => Boolean, { description: 'Ends this session' })
  async logout(@Ctx() context: GraphQLContext): Promise<boolean> {
    await context.services.accounts.service.logout(
      context.em,
      context.cookies.get(REFRESH_COOKIE),
      context.viewer,
    );
    clearRefreshCookie(context.cookies, context.services.accounts.secureCookies);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Ends every session of the account' })
  @Authorized()
  async logoutEverywhere(@Ctx() context: GraphQLContext): Promise<boolean> {
    await context.services.accounts.service.logoutEverywhere(context.em, requireViewer(context));
    clearRefreshCookie(context.cookies, context.services.accounts.secureCookies);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Changes the password and ends every other session' })
  @Authorized()
  @RateLimit('auth')
  async changePassword(
    @Arg('input', () => ChangePasswordInput) input: ChangePasswordInput,
    @Ctx() context: GraphQLContext,
  ): Promise<boolean> {
    await context.services.accounts.service.changePassword(
      context.em,
      requireViewer(context),
      input.currentPassword,
      input.newPassword,
    );
    return true;
  }

  @Mutation(() => Boolean, { description: 'Deletes the account and everything it owns' })
  @Authorized()
  @RateLimit('auth')
  async deleteAccount(
    @Arg('password', () => String) password: string,
    @Ctx() context: GraphQLContext,
  ): Promise<boolean> {
    await context.services.accounts.service.deleteAccount(
      context.em,
      requireViewer(context),
      password,
    );
    clearRefreshCookie(context.cookies, context.services.accounts.secureCookies);
    return true;
  }
}
