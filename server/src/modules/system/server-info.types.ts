import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';

export enum DatabaseKind {
  EMBEDDED = 'EMBEDDED',
  POSTGRES = 'POSTGRES',
}
registerEnumType(DatabaseKind, {
  name: 'DatabaseKind',
  description: 'Which PostgreSQL the server runs on',
});

@ObjectType()
export class ServerInfo {
  @Field(() => String)
  version!: string;

  @Field(() => String)
  environment!: string;

  @Field(() => DatabaseKind)
  database!: DatabaseKind;

  @Field(() => Boolean, { description: 'True when Redis backs pubsub, rate limits and jobs' })
  redis!: boolean;

  @Field(() => Float)
  uptimeSeconds!: number;
}

@ObjectType()
export class ReadinessCheck {
  @Field(() => String)
  name!: string;

  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the check failed, when it did' })
  detail!: string | null;
}

@ObjectType({ description: 'Whether the server can serve requests, with one check per dependency' })
export class Readiness {
  @Field(() => Boolean)
  ready!: boolean;

  @Field(() => [ReadinessCheck])
  checks!: ReadinessCheck[];

  @Field(() => GraphQLDateTimeISO)
  checkedAt!: Date;
}
