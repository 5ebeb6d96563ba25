import type { Server } from 'node:http';
import { getOperationAST, GraphQLError, NoSchemaIntrospectionCustomRule, parse, specifiedRules, validate, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import type { Disposable } from 'graphql-ws';
import { WebSocketServer } from 'ws';
import type { Logger } from '../logger.js';
import type { ApiServices, RequestContext } from '../schema/context.js';
import { codedError } from '../schema/errors.js';
import { ApiKeyAuth } from './auth.js';
import type { FailedAuthLimits } from './auth-failures.js';
import { errorFormatter } from './errors.js';
import type { OriginPolicy } from './origin.js';
import type { QueryLimits } from './query-limits.js';
import { serveGraphqlWs } from './ws-transport.js';

export interface WebSocketOptions {
  httpServer: Server;
  schema: GraphQLSchema;
  services: ApiServices;
  auth: ApiKeyAuth;
  /** Wrong keys per client address: a blocked address is closed with 4403 whatever it sends. */
  authFailures: FailedAuthLimits;
  queryLimits: QueryLimits;
  /** Upgrades from a foreign `Origin` (or, with auth off, a foreign `Host`) are refused with 403. */
  originPolicy: OriginPolicy;
  logger: Logger;
  /** Largest message a client may send, in bytes. */
  maxPayloadBytes?: number;
  /** A connection that has not sent `connection_init` by then is closed (4408). */
  initTimeoutMs?: number;
}

type Extra = {
  tenant?: string;
  subscriptions?: number;
};

const SUBSCRIPTION_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/**
 * graphql-ws (graphql-transport-ws protocol) on the API's HTTP server, path `/graphql`. A missing
 * or wrong key closes the connection with 4403; connections per key and subscriptions per
 * connection are capped; every operation passes the same query limits as over HTTP.
 */
export function attachWebSocket(options: WebSocketOptions): Disposable {
  const { schema, services, auth } = options;
  const { wsLimits } = services.config;
  const { queryLimits } = options;
  const { originPolicy } = options;
  const openPerTenant = new Map<string, number>();
  const formatError = errorFormatter(services.config.production);
  // Production: the schema is not readable over this transport either.
  const rules = services.config.production ? [...specifiedRules, NoSchemaIntrospectionCustomRule] : specifiedRules;
  const wsServer = new WebSocketServer({
    server: options.httpServer,
    path: '/graphql',
    maxPayload: options.maxPayloadBytes ?? 64 * 1024,
    verifyClient: ({ req }, answer) => {
      const refusal = originPolicy.hostRefusal(req.headers.host) ?? originPolicy.originRefusal(req);
      if (refusal) answer(false, 403, refusal);
      else answer(true);
    },
  });

  return serveGraphqlWs<Record<string, unknown>, Extra>(
    {
      schema,
      connectionInitWaitTimeout: options.initTimeoutMs ?? 5_000,
      // Returning false closes with 4403; throwing would log an internal error instead.
      onConnect: async (ctx) => {
        const address = ctx.extra.request?.socket.remoteAddress;
        if (await options.authFailures.blockedFor(address)) return false;
        const tenant = auth.tenantFor(ApiKeyAuth.fromConnectionParams(ctx.connectionParams));
        if (!tenant) {
          await options.authFailures.failed(address);
          return false;
        }
        const open = openPerTenant.get(tenant) ?? 0;
        if (open >= wsLimits.connectionsPerKey) return false;
        openPerTenant.set(tenant, open + 1);
        ctx.extra.tenant = tenant;
        ctx.extra.subscriptions = 0;
        return true;
      },
      onClose: (ctx) => {
        const tenant = ctx.extra.tenant;
        if (!tenant) return;
        const open = (openPerTenant.get(tenant) ?? 1) - 1;
        if (open > 0) openPerTenant.set(tenant, open);
        else openPerTenant.delete(tenant);
      },
      onSubscribe: async (ctx, id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> => {
        if (!SUBSCRIPTION_ID.test(id)) {
          return [codedError('BAD_USER_INPUT', 'subscription ids are 1 to 128 letters, digits or _ . : -')];
        }
        if ((ctx.extra.subscriptions ?? 0) >= wsLimits.subscriptionsPerConnection) {
          return [codedError('RATE_LIMITED', `at most ${wsLimits.subscriptionsPerConnection} subscriptions per connection`)];
        }
        let document;
        try {
          document = parse(payload.query, { maxTokens: services.config.queryLimits.maxTokens });
        } catch (error) {
          return [codedError('BAD_USER_INPUT', error instanceof GraphQLError ? error.message : 'the query does not parse')];
        }
        const invalid = validate(schema, document, rules);
        if (invalid.length) return invalid.map((e) => codedError('BAD_USER_INPUT', e.message));
        const tooComplex = queryLimits.check(document, payload.operationName, payload.variables);
        if (tooComplex) return [tooComplex];
        // Queries and mutations count against the key's request rate as they do over HTTP; a
        // refused one gets RATE_LIMITED and the socket stays open.
        if (getOperationAST(document, payload.operationName)?.operation !== 'subscription') {
          try {
            await services.rateLimits.request(ctx.extra.tenant!);
          } catch (refusal) {
            if (!(refusal instanceof GraphQLError)) return [codedError('INTERNAL_SERVER_ERROR', 'the request could not be counted; try again')];
            const { http: _http, ...extensions } = refusal.extensions;
            return [new GraphQLError(refusal.message, { extensions })];
          }
        }
        ctx.extra.subscriptions = (ctx.extra.subscriptions ?? 0) + 1;
        const contextValue: RequestContext = { tenant: ctx.extra.tenant!, services };
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },
      onComplete: (ctx) => {
        ctx.extra.subscriptions = Math.max(0, (ctx.extra.subscriptions ?? 1) - 1);
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatError(error.toJSON(), error)),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error)) } : undefined,
    },
    wsServer,
    { maxBufferedBytes: wsLimits.maxBufferedBytes, keepAliveMs: 12_000, logger: options.logger },
  );
}
