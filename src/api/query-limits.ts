import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { Config } from '../config.js';

/**
 * Depth, aliases and cost of one operation, over HTTP and WebSocket alike. Fields weigh 1 unless
 * the schema says more (type-graphql `complexity`: a page of enhancements weighs its size).
 */
export function checkQueryLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  limits: Config['queryLimits'],
): GraphQLError | null {
  let shape: readonly GraphQLError[];
  try {
    shape = validate(schema, document, [
      maxDepthRule({ n: limits.maxDepth, exposeLimits: true }),
      maxAliasesRule({ n: limits.maxAliases, exposeLimits: true }),
    ]);
  } catch (error) {
    // graphql-armor's rules throw their verdict rather than report it.
    if (!(error instanceof GraphQLError)) throw error;
    shape = [error];
  }
  if (shape.length) return tooComplex(shape[0]!.message.replace(/^Syntax Error: /, ''));
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      operationName: operationName ?? undefined,
      variables: variables ?? {},
      estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    // Bad variables and the like: execution reports them properly; the cost is not the issue.
    if (error instanceof GraphQLError) return null;
    throw error;
  }
  return cost > limits.maxComplexity
    ? tooComplex(`the query costs ${cost}; the limit is ${limits.maxComplexity}: select fewer fields or a smaller page`)
    : null;
}

function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });
}
