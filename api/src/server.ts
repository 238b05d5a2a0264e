import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { DataSource } from 'typeorm';
import { config, repoRoot } from './core/config';
import { Context, createContext } from './core/context';
import { countStatements } from './core/sql-counter';
import { buildPathforgeSchema } from './schema/build';
import { CompiledExecutor } from './core/compiled-executor';
import { directAnswer } from './read/install';
import { chargedByLane, DirectLane, refuseUnreadBody, RequestCounters } from './read/direct-lane';
import proxyaddr from 'proxy-addr';
import { Loaders } from './core/loaders';
import { closeProgramCatalogue, programCatalogue } from './modules/advising/program-catalogue';
import { limits, queryLimitsPlugin, responseJson } from './core/limits';
import { keepListBoundsMeasured } from './core/list-bounds';
import { LoginThrottle, loginThrottleDefaults, LoginThrottleOptions } from './core/login-throttle';
import { uploadLimit, UploadLimitOptions } from './core/limiter';
import { rateCharge, rateLimitDefaults, rateLimitPlugin, RateLimitOptions, withClientAddress } from './core/rate-limit';
import { DATABASE_BUSY, DATABASE_UNAVAILABLE, isDatabaseUnavailable, isPoolWait, readiness } from './core/availability';
import { replicaReadsPlugin } from './core/read-routing';
import { GraphQLError } from 'graphql';
import { viewerFromToken } from './modules/accounts/auth.service';
import { caseRouter } from './modules/standards';
import { PUBLIC_VIEWER, Viewer } from './core/viewer';
import { interopRoutes } from './modules/interop/interop.routes';
import { bulkImportRoutes } from './modules/imports/bulk-import.routes';
import { secretProblems } from './core/secrets';
import { authorizationOf, cookieSession, jsonErrors, securityHeaders } from './core/web-hardening';
import { consoleRoutes } from './core/console-routes';
import { compressionOutsideGraphQL, graphqlPreflight, graphqlResponses, HttpCacheOptions, httpCachePlugin } from './core/http-cache';
import { embedPersistedDocuments, embedRoutes } from './core/embed-routes';
import { textInputPlugin } from './core/input';
import { persistedQueryCache, readPersistedDocuments, registeredOnlyPlugin } from './core/persisted-queries';

/**
 * No header: the public. A header with a bad, expired or superseded token (see viewerFromToken) is
 * refused rather than downgraded; the console's cookie session carries the same token.
 */
async function viewerOf(db: DataSource, authorization: string | undefined): Promise<Viewer> {
  if (!authorization) return PUBLIC_VIEWER;
  const token = /^Bearer (\S+)$/i.exec(authorization)?.[1];
  let viewer: Viewer | null = null;
  try {
    viewer = token ? await viewerFromToken(token, db) : null;
  } catch (error) {
    // The account could not be read: the same answer as any request the database cannot serve.
    const answer = isPoolWait(error) ? DATABASE_BUSY : isDatabaseUnavailable(error) ? DATABASE_UNAVAILABLE : null;
    if (!answer) throw error;
    throw new GraphQLError(answer.message, { originalError: error as Error, extensions: { ...answer.extensions, http: { status: 200 } } });
  }
  if (!viewer) {
    throw new GraphQLError('The token is invalid or has expired: sign in again', {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
  return viewer;
}

export interface RunningServer {
  url: string;
  port: number;
  httpServer: http.Server;
  /** Runs the operations: compiled once per document. */
  executor: CompiledExecutor;
  /** Answers the public's queries that compiled statements answer whole, before Apollo. */
  lane: DirectLane;
  stop(): Promise<void>;
}

/** Serves /graphql, /healthz and the built admin console at /admin/. */
export async function startServer(
  db: DataSource,
  port = config.port,
  options: {
    countSqlStatements?: boolean;
    rateLimits?: Partial<RateLimitOptions>;
    loginThrottle?: Partial<LoginThrottleOptions>;
    importRateLimit?: Partial<UploadLimitOptions>;
    reads?: DataSource;
    introspection?: boolean;
    httpCache?: Partial<HttpCacheOptions>;
    persistedQueries?: { mode: 'auto' | 'only'; documentsFile?: string };
  } = { countSqlStatements: config.countSqlStatements },
): Promise<RunningServer> {
  const httpCache: HttpCacheOptions = {
    maxAgeSeconds: config.publicMaxAgeSeconds,
    staleWhileRevalidateSeconds: config.publicStaleWhileRevalidateSeconds,
    immutableMaxAgeSeconds: config.publicImmutableMaxAgeSeconds,
    compressionThresholdBytes: config.compressionThresholdBytes,
    ...options.httpCache,
  };
  const persisted = options.persistedQueries ?? { mode: config.persistedQueries, documentsFile: config.persistedDocumentsFile };
  const registeredDocuments = readPersistedDocuments(persisted.documentsFile, fs.existsSync(embedPersistedDocuments) ? embedPersistedDocuments : undefined);
  const app = express();
  securityHeaders(app);
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
  const schema = await buildPathforgeSchema();
  // Operations run as compiled functions (graphql-jit), one per document, kept in an LRU.
  // A query that compiled statements answer whole goes out as PostgreSQL's JSON text.
  const executor = new CompiledExecutor(schema, (document, operationName, context, variables) => directAnswer(schema, document, operationName, context as Context, variables));
  const loginThrottle = new LoginThrottle({ ...loginThrottleDefaults(), ...options.loginThrottle });
  /** A request's context, on the Express path and the direct lane alike, counting into the request's counters. */
  const contextOf = (counters: RequestCounters, viewer: Viewer, clientAddress: string | undefined): Context =>
    Object.assign(withClientAddress(createContext(db, counters.statements, viewer), clientAddress), { readFallbacks: counters.readFallbacks });
  const requestContext = (req: express.Request, res: express.Response, viewer: Viewer): Context =>
    Object.assign(contextOf(res.locals.counters as RequestCounters, viewer, req.ip), { session: cookieSession(req, res), loginThrottle, chargedCost: chargedByLane(req) });
  const charge = rateCharge({ ...rateLimitDefaults(), ...options.rateLimits });
  const reads = options.reads && options.reads !== db ? options.reads : null;
  // A public query the compiled statements answer whole skips Express and Apollo (see DirectLane).
  const trust = app.get('trust proxy fn') as Parameters<typeof proxyaddr>[1];
  const directLane = new DirectLane(schema, {
    context: (req, counters) => {
      const context = contextOf(counters, PUBLIC_VIEWER, proxyaddr(req, trust));
      // As replicaReadsPlugin does for Apollo's query operations.
      return reads ? Object.assign(context, { db: reads, loaders: new Loaders(reads) }) : context;
    },
    charge,
    httpCache,
    countSqlStatements: options.countSqlStatements ?? false,
  });
  // The direct lane answers what it can before Express sees the request.
  const httpServer = http.createServer(directLane.listener(app));
  httpServer.requestTimeout = config.requestTimeoutMs;
  const apollo = new ApolloServer<Context>({
    gateway: executor,
    introspection: options.introspection ?? config.introspection,
    persistedQueries: { cache: persistedQueryCache(registeredDocuments) },
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: limits.maxTokens },
    // In production, no "did you mean" hints about the schema, and no internal detail in faults.
    hideSchemaDetailsFromClientErrors: config.production,
    // An unexpected fault says only "Internal error", in every mode and to every viewer: its
    // message may hold SQL text, table names or values. Its detail goes to the server's log.
    formatError: (formatted, error) => {
      if (isPoolWait(error)) return DATABASE_BUSY;
      if (isDatabaseUnavailable(error)) return DATABASE_UNAVAILABLE;
      if (formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR') return formatted;
      console.error('GraphQL fault', formatted.path ?? '', unwrapResolverError(error));
      return { message: 'Internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' }, ...(formatted.path && { path: formatted.path }) };
    },
    // Compact JSON (Apollo's default indents every response, which costs time and bytes), with
    // the response-size backstop behind the cost limit.
    stringifyResult: responseJson,
    // main.ts stops the server itself, after which it closes the database.
    stopOnTerminationSignals: false,
    // No stack in any answer, in any mode: the server's log has it.
    includeStacktraceInErrorResponses: false,
    // Cache-control hints are unused, and the plugin instruments every field of every response.
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginCacheControlDisabled(),
      queryLimitsPlugin(),
      textInputPlugin(),
      ...(reads ? [replicaReadsPlugin(reads)] : []),
      rateLimitPlugin({ ...rateLimitDefaults(), ...options.rateLimits }, charge),
      httpCachePlugin(httpCache),
      ...(persisted.mode === 'only' ? [registeredOnlyPlugin(registeredDocuments)] : []),
      directLane.plugin(),
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    const state = await readiness(db, options.reads);
    // A process that cannot sign tokens or open issuer keys is not ready, however well its database answers.
    const configuration = secretProblems();
    const ready = state.ready && configuration.length === 0;
    res.status(ready ? 200 : 503).json({ ...state, ready, ...(configuration.length > 0 && { configuration }) });
  });

  app.use(
    '/graphql',
    graphqlPreflight,
    graphqlResponses(httpCache),
    refuseUnreadBody,
    express.json({ limit: limits.maxBodyBytes }),
    (_req, res, next) => {
      const counters: RequestCounters = { statements: { count: 0 }, readFallbacks: { count: 0 } };
      res.locals.counters = counters;
      const { statements, readFallbacks } = counters;
      if (!options.countSqlStatements) return next();
      // Report the statement count when the response goes out; headers must be set before.
      const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => http.ServerResponse;
      res.writeHead = ((...args: unknown[]) => {
        if (!res.headersSent) {
          res.setHeader('X-SQL-Statements', String(statements.count));
          res.setHeader('X-Read-Fallbacks', String(readFallbacks.count));
        }
        return writeHead(...args);
      }) as typeof res.writeHead;
      countStatements(statements, next);
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) => requestContext(req, res, await viewerOf(db, authorizationOf(req))),
    }),
  );

  // After /graphql, which compresses its own answers: its requests never pass through this.
  app.use(compressionOutsideGraphQL(httpCache));
  app.use(embedRoutes());
  app.use(caseRouter(db));
  // Stable URLs of exported Open Badges and CTDL documents and of awards' signed credentials.
  app.use(interopRoutes(db, (authorization) => viewerOf(db, authorization)));
  // Spreadsheets too large for a GraphQL request: the bulk import's preview and apply.
  app.use('/import', uploadLimit('import', { ...config.importRateLimit, ...options.importRateLimit }));
  app.use(bulkImportRoutes(db, (req) => viewerOf(db, authorizationOf(req))));

  const adminDist = path.join(repoRoot, 'admin', 'dist');
  app.use(consoleRoutes(adminDist));
  app.get('/', (_req, res) => res.redirect(fs.existsSync(adminDist) ? '/admin/' : '/graphql'));
  app.use(jsonErrors);

  // Learner routes read every program's agreements: load them in the background from the start.
  programCatalogue(db).start();
  // The query cost multiplies each plain list by the most items one parent has in the data.
  const stopMeasuringListBounds = await keepListBoundsMeasured(db);
  await new Promise<void>((resolve) => httpServer.listen(port, resolve));
  const address = httpServer.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://localhost:${actualPort}`,
    port: actualPort,
    httpServer,
    executor,
    lane: directLane,
    stop: async () => {
      stopMeasuringListBounds();
      await apollo.stop();
      await closeProgramCatalogue(db);
    },
  };
}
