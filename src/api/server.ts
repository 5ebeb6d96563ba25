import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { ApiServices, RequestContext } from '../schema/context.js';
import { codedError } from '../schema/errors.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { ApiKeyAuth } from './auth.js';
import { operationMetricsPlugin } from './operation-metrics.js';

export interface ApiServerOptions {
  schema: GraphQLSchema;
  services: ApiServices;
  metrics: Metrics;
  logger: Logger;
  /** Port 0 picks a free one (tests). */
  port: number;
  host: string;
}

export interface ApiServer {
  url: string;
  wsUrl: string;
  httpServer: Server;
  close(): Promise<void>;
}

/**
 * Errors the API raised on purpose (GraphQLErrors with a code) reach the client as they are,
 * minus any stack; anything else is a bug whose message may hold internals: it is masked.
 */
export function maskError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof GraphQLError && !(original.originalError && !(original.originalError instanceof GraphQLError))) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return { message: 'internal error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

const READY_TIMEOUT_MS = 1_000;

/** False when the check fails or takes longer than `ms` (Redis away: commands wait to reconnect). */
function withinMs(ms: number, check: Promise<boolean>): Promise<boolean> {
  return Promise.race([check.catch(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref())]);
}

/** Known routes by name; anything else is one label, so a scanner cannot blow up the label set. */
function routeOf(path: string): string {
  return ['/graphql', '/healthz', '/readyz', '/metrics', '/'].includes(path) ? path : 'other';
}

/** Apollo (HTTP) and graphql-ws (WebSocket) on one server and path, plus health routes. */
export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const { schema, services, metrics } = options;
  const auth = new ApiKeyAuth(services.config.apiKeys);
  const app = express();
  app.disable('x-powered-by');
  app.use((req, res, next) => {
    const end = metrics.httpDuration.startTimer({ method: req.method });
    res.on('finish', () => end({ route: routeOf(req.path), status: String(res.statusCode) }));
    next();
  });
  const httpServer = createServer(app);

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: 256 * 1024 });
  const wsCleanup = useServer<Record<string, unknown>, { tenant?: string }>(
    {
      schema,
      // A connection with a missing or wrong key is closed with 4403 (returning false, never throwing).
      onConnect: (ctx) => {
        const tenant = auth.tenantFor(ApiKeyAuth.fromConnectionParams(ctx.connectionParams));
        if (!tenant) return false;
        ctx.extra.tenant = tenant;
        return true;
      },
      context: (ctx): RequestContext => ({ tenant: ctx.extra.tenant!, services }),
    },
    wsServer,
  );

  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: !services.config.production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    formatError: maskError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      operationMetricsPlugin(metrics),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const [redis, queue] = await Promise.all([
      withinMs(READY_TIMEOUT_MS, services.redis.ping().then(() => true)),
      withinMs(READY_TIMEOUT_MS, services.queue.usable()),
    ]);
    res.status(redis && queue ? 200 : 503).json({ status: redis && queue ? 'ready' : 'not ready', redis, queue });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const tenant = auth.tenantFor(ApiKeyAuth.fromHeaders(req.headers));
        if (!tenant) {
          throw codedError('UNAUTHENTICATED', 'a valid API key is required: Authorization: Bearer <key> or x-api-key', {
            http: { status: 401 },
          });
        }
        return { tenant, services };
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}/graphql`,
    wsUrl: `ws://${host}:${port}/graphql`,
    httpServer,
    async close() {
      await apollo.stop();
    },
  };
}
