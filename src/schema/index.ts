import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { EnhancementEventResolver, EnhancementResolver } from './enhancement.resolver.js';
import { ExportResolver } from './export.resolver.js';
import { ImportResolver } from './import.resolver.js';
import { ModelsResolver } from './models.js';
import { PreviewResolver } from './preview.resolver.js';
import { VerifyResolver } from './verify.resolver.js';
import { ReviewResolver } from './review.resolver.js';

export const RESOLVERS = [EnhancementResolver, EnhancementEventResolver, ModelsResolver, VerifyResolver, PreviewResolver, ExportResolver, ImportResolver, ReviewResolver] as const;

/**
 * type-graphql insists on a PubSub for any @Subscription, but ours stream from Redis through their
 * own `subscribe` functions and name no topics, so nothing ever reaches this one.
 */
const NO_TOPICS: PubSub = {
  publish() {
    throw new Error('subscriptions stream from Redis; no type-graphql topics are published');
  },
  subscribe() {
    throw new Error('subscriptions stream from Redis; no type-graphql topics are subscribed');
  },
};

/** The executable schema; `npm run emit-schema` writes its SDL to `schema.graphql`. */
export function buildImaginatorSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: [...RESOLVERS], validate: false, pubSub: NO_TOPICS });
}
