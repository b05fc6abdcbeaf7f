import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { UserRole } from './user.entity.js';

registerEnumType(UserRole, { name: 'UserRole', description: 'What an account may do' });

/**
 * A player as everyone may see them (an owner of a build, a member of a team). Other modules
 * return this type; it never carries the e-mail address.
 */
@ObjectType('User', { description: 'A player as others see them' })
export class PublicUser {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  username!: string;
}

/** The signed-in player's own account: only `me` and sign-in answers return it. */
@ObjectType({ description: 'Your own account' })
export class Account {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  username!: string;

  @Field(() => UserRole)
  role!: UserRole;

  @Field(() => GraphQLDateTimeISO)
  createdAt!: Date;
}

@ObjectType({ description: 'A new session. The refresh token travels in an HttpOnly cookie.' })
export class AuthPayload {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`' })
  accessToken!: string;

  @Field(() => GraphQLDateTimeISO, { description: 'Refresh the session before this' })
  expiresAt!: Date;

  @Field(() => Account)
  user!: Account;
}
