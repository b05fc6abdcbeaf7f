import { Field, InputType } from 'type-graphql';

@InputType()
export class RegisterInput {
  @Field(() => String)
  email!: string;

  @Field(() => String, { description: '3 to 32 of letters, digits, `_`, `.` and `-`' })
  username!: string;

  @Field(() => String, { description: '10 to 256 characters' })
  password!: string;
}

@InputType()
export class LoginInput {
  @Field(() => String, { description: 'Your e-mail address or username' })
  login!: string;

  @Field(() => String)
  password!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field(() => String)
  currentPassword!: string;

  @Field(() => String, { description: '10 to 256 characters' })
  newPassword!: string;
}
