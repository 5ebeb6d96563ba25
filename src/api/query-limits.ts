import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Config } from '../config.js';

type Limits = Config['queryLimits'];

/**
 * Characters of argument text that cost one point. A field's work grows with the text it reads (an
 * audit of two 60,000-character resumes and a job ad costs 300): a request can carry only a few
 * maximum-size audits, however many aliases it may have.
 */
export const CHARACTERS_PER_POINT = 500;

const fieldCost = fieldExtensionsEstimator();
const defaultCost = simpleEstimator({ defaultComplexity: 1 });

/**
 * A field's own cost (its `complexity`, or 1, plus its children) and the characters of its arguments,
 * unless the field reads its input elsewhere under limits of its own (`costByInputSize: false`).
 */
const inputSizeEstimator: ComplexityEstimator = (options) => {
  const base = fieldCost(options) ?? defaultCost(options) ?? 1;
  if (options.field.extensions?.costByInputSize === false) return base;
  return base + Math.ceil(characters(options.args) / CHARACTERS_PER_POINT);
};

function characters(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + characters(item), 0);
  if (value !== null && typeof value === 'object') return Object.values(value).reduce((sum: number, item) => sum + characters(item), 0);
  return 0;
}

/**
 * Depth, aliases and cost of one operation, over HTTP and WebSocket alike. Fields weigh 1 unless
 * the schema says more (type-graphql `complexity`: a page of enhancements weighs its size), plus
 * one point per CHARACTERS_PER_POINT characters of their arguments.
 *
 * Verdicts are remembered per parsed document (Apollo hands the same DocumentNode back for the
 * same query text) and, for cost, per small set of variables: a client polling one query pays
 * for the analysis once.
 */
export class QueryLimits {
  private readonly shapes = new WeakMap<DocumentNode, GraphQLError | null>();
  private readonly costs = new WeakMap<DocumentNode, Map<string, GraphQLError | null>>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly limits: Limits,
  ) {}

  check(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): GraphQLError | null {
    let shape = this.shapes.get(document);
    if (shape === undefined) {
      shape = this.checkShape(document);
      this.shapes.set(document, shape);
    }
    if (shape) return shape;
    const key = `${operationName ?? ''}\u0000${variables ? JSON.stringify(variables) : ''}`;
    // Large variables (a resume) are not worth remembering; nor would they repeat.
    if (key.length > 512) return this.checkCost(document, operationName, variables);
    let byVariables = this.costs.get(document);
    if (!byVariables) this.costs.set(document, (byVariables = new Map()));
    let cost = byVariables.get(key);
    if (cost === undefined) {
      cost = this.checkCost(document, operationName, variables);
      if (byVariables.size < 64) byVariables.set(key, cost);
    }
    return cost;
  }

  private checkShape(document: DocumentNode): GraphQLError | null {
    let errors: readonly GraphQLError[];
    try {
      errors = validate(this.schema, document, [
        maxDepthRule({ n: this.limits.maxDepth, exposeLimits: true }),
        maxAliasesRule({ n: this.limits.maxAliases, exposeLimits: true }),
      ]);
    } catch (error) {
      // graphql-armor's rules throw their verdict rather than report it.
      if (!(error instanceof GraphQLError)) throw error;
      errors = [error];
    }
    return errors.length ? tooComplex(errors[0]!.message.replace(/^Syntax Error: /, '')) : null;
  }

  private checkCost(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): GraphQLError | null {
    let cost: number;
    try {
      cost = getComplexity({
        schema: this.schema,
        query: document,
        operationName: operationName ?? undefined,
        variables: variables ?? {},
        estimators: [inputSizeEstimator],
      });
    } catch (error) {
      // Bad variables and the like: execution reports them properly; the cost is not the issue.
      if (error instanceof GraphQLError) return null;
      throw error;
    }
    return cost > this.limits.maxComplexity
      ? tooComplex(`the query costs ${cost}; the limit is ${this.limits.maxComplexity}: select fewer fields or a smaller page`)
      : null;
  }
}

function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });
}

/** Applies the limits to every HTTP operation once Apollo has parsed and validated it. */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const error = limits.check(document, request.operationName, request.variables);
          if (error) throw error;
        },
      };
    },
  };
}
