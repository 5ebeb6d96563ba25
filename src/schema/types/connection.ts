import { Field, ObjectType } from 'type-graphql';
import { Enhancement } from './enhancement.js';

@ObjectType()
export class EnhancementEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Enhancement) node!: Enhancement;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType({ description: "The caller's enhancements, newest first." })
export class EnhancementConnection {
  @Field(() => [EnhancementEdge]) edges!: EnhancementEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
