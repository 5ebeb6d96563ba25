import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { ApiServices, RequestContext } from '../schema/context.js';
import { codedError } from '../schema/errors.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { ApiKeyAuth } from './auth.js';
import { FailedAuthLimits } from './auth-failures.js';
import { errorFormatter } from './errors.js';
import { BadRequestError, nestsDeeperThan } from './json-depth.js';
import { OriginPolicy } from './origin.js';
import { errorLogPlugin } from './error-log-plugin.js';
import { QueryLimits, queryLimitsPlugin } from './query-limits.js';
import { mountQueueDashboard } from './admin.js';
import { mountWebApp } from './web.js';
import { attachWebSocket } from './websocket.js';
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

const READY_TIMEOUT_MS = 1_000;

/** False when the check fails or takes longer than `ms` (Redis away: commands wait to reconnect). */
function withinMs(ms: number, check: Promise<boolean>): Promise<boolean> {
  return Promise.race([check.catch(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref())]);
}

/** Known routes by name; anything else is one label, so a scanner cannot blow up the label set. */
function routeOf(path: string): string {
  if (path.startsWith('/admin/')) return '/admin';
  return ['/graphql', '/healthz', '/readyz', '/metrics', '/'].includes(path) ? path : 'other';
}

/** Apollo (HTTP) and graphql-ws (WebSocket) on one server and path, plus health routes. */
export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const { schema, services, metrics, logger } = options;
  const { config } = services;
  const auth = new ApiKeyAuth(config.apiKeys);
  const authFailures = new FailedAuthLimits(services.redis, config.prefix, config.rateLimits.authFailuresPerMinute);
  const originPolicy = new OriginPolicy({ allowedOrigins: config.allowedOrigins, loopbackHostsOnly: !auth.enabled });
  const app = express();
  app.disable('x-powered-by');
  // Auth off: a foreign Host name is a page on another domain resolved to loopback (DNS rebinding).
  app.use((req, res, next) => {
    const refusal = originPolicy.hostRefusal(req.headers.host);
    if (refusal) res.status(403).json({ error: refusal });
    else next();
  });
  app.use((req, res, next) => {
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    const started = performance.now();
    const end = metrics.httpDuration.startTimer({ method: req.method });
    // Read now: a mounted router rewrites req.url while it handles the request.
    const route = routeOf(req.path);
    res.on('finish', () => {
      end({ route, status: String(res.statusCode) });
      // Never the body, the query string or the headers: they carry resumes and keys.
      logger.info({ requestId, method: req.method, route, status: res.statusCode, ms: Math.round(performance.now() - started) }, 'request');
    });
    next();
  });
  // Slow clients: the headers, the whole request and an idle keep-alive connection each have a
  // deadline (checked every second rather than Node's default 30 s).
  const httpServer = createServer(
    {
      headersTimeout: config.http.headersTimeoutMs,
      requestTimeout: config.http.requestTimeoutMs,
      keepAliveTimeout: config.http.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.min(1_000, config.http.headersTimeoutMs),
    },
    app,
  );

  const queryLimits = new QueryLimits(schema, services.config.queryLimits);
  const wsCleanup = attachWebSocket({ httpServer, schema, services, auth, authFailures, queryLimits, originPolicy, logger });

  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    // Production: no "Did you mean …?" in validation errors (they spell out the schema).
    hideSchemaDetailsFromClientErrors: config.production,
    csrfPrevention: true,
    // Batched requests (a JSON array of operations) are refused: one operation per request.
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: services.config.queryLimits.maxTokens },
    formatError: errorFormatter(config.production),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // No HTTP caching of results here; left on, it would time every field of every response.
      ApolloServerPluginCacheControlDisabled(),
      operationMetricsPlugin(metrics),
      errorLogPlugin(logger),
      queryLimitsPlugin(queryLimits),
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
  mountQueueDashboard(app, services.queue.queue, services.config.adminKey);
  mountWebApp(app);
  app.get('/metrics', requireKey(config.metricsKey, 'the metrics key is required'), async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.use(
    '/graphql',
    express.json({
      // Room for importResume's 5 MiB file in base64 (about 6.7 MiB) and the rest of the request.
      limit: '8mb',
      verify: (_req, _res, body) => {
        if (nestsDeeperThan(body, config.http.maxJsonDepth)) throw new BadRequestError(`the JSON body nests deeper than ${config.http.maxJsonDepth} levels`);
      },
    }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const address = req.socket.remoteAddress;
        await authFailures.assertAllowed(address);
        const tenant = auth.tenantFor(ApiKeyAuth.fromHeaders(req.headers));
        if (!tenant) {
          await authFailures.failed(address);
          throw codedError('UNAUTHENTICATED', 'a valid API key is required: Authorization: Bearer <key> or x-api-key', {
            http: { status: 401 },
          });
        }
        await services.rateLimits.request(tenant);
        return { tenant, services };
      },
    }),
  );

  app.use(clientErrorHandler(logger));

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

/** Requires `Authorization: Bearer <key>` when a key is set; passes everything when it is not. */
function requireKey(key: string | null, message: string): RequestHandler {
  if (!key) return (_req, _res, next) => next();
  const auth = new ApiKeyAuth(new Map([[key, 'operator']]));
  return (req, res, next) => {
    if (auth.tenantFor(ApiKeyAuth.fromHeaders(req.headers))) next();
    else res.status(401).json({ error: message });
  };
}

/**
 * The last word on errors Express sees (a body that is not JSON, too large, too deep): the client
 * gets its status and a short reason in GraphQL's error shape; the log gets one line without a
 * stack. Only a server fault (5xx) is logged at error, by name, and its message is not shown.
 */
function clientErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: { status?: number; statusCode?: number; expose?: boolean; type?: string; message?: string; name?: string }, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = error.status ?? error.statusCode ?? 500;
    if (status < 500) {
      logger.info({ status, type: error.type ?? error.name }, 'bad request');
      res.status(status).json({ errors: [{ message: error.expose ? error.message : 'bad request', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    logger.error({ status, err: error.name ?? 'Error' }, 'request failed');
    res.status(500).json({ errors: [{ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  };
}
