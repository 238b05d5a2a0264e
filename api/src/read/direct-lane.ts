import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import accepts from 'accepts';
import { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { COMPILED_DOCUMENTS } from '../core/compiled-executor';
import { Context } from '../core/context';
import { finishGraphQLResponse, HttpCacheOptions } from '../core/http-cache';
import { limits, responseJson, variablesCost } from '../core/limits';
import { rawData } from '../core/raw-answer';
import { countStatements, StatementCounter } from '../core/sql-counter';
import { PUBLIC_VIEWER } from '../core/viewer';
import { API_HEADERS } from '../core/web-hardening';
import { planDirectAnswer } from './install';

/** A document Apollo has answered for the public without errors, and the operation it ran. */
interface Known {
  document: DocumentNode;
  operation: OperationDefinitionNode;
}

/** Apollo's two single-result media types, as it writes them. */
const JSON_TYPE = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json; charset=utf-8';

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a request's answer counts when the server reports its statements (X-SQL-Statements, X-Read-Fallbacks). */
export interface RequestCounters {
  statements: StatementCounter;
  readFallbacks: { count: number };
}

export interface DirectLaneOptions {
  /** The request's context, as Apollo's would be for the public. */
  context(req: IncomingMessage, counters: RequestCounters): Context;
  /** The rate limits' charge, shared with Apollo's plugin: one budget. */
  charge(context: Context, cost: number): Promise<void>;
  httpCache: HttpCacheOptions;
  countSqlStatements: boolean;
}

/** A request body the lane read but that Express must refuse, as its JSON parser would have. */
const unreadable = new WeakMap<IncomingMessage, Error>();
/** The query cost the lane charged for a request it then passed on. */
const charged = new WeakMap<IncomingMessage, number>();

/** The query cost the direct lane already charged for this request, which Apollo's rate-limit plugin does not charge again. */
export const chargedByLane = (req: IncomingMessage): number | undefined => charged.get(req);

/**
 * The direct lane: a public POST of a query that compiled statements answer whole goes from the
 * socket to PostgreSQL's JSON text and back out, in front of Express and Apollo, whose layers
 * (routing, body parsing, plugin hooks, query hashing, response assembly) cost more CPU than the
 * rest of such a request together. Only documents Apollo itself has already parsed, validated and
 * answered for the public without errors take the lane (kept by their text, as Apollo's document
 * store keeps them), and the lane does for each request what could turn out differently with
 * other variables: it coerces them, refuses text with U+0000, costs the operation against the
 * query limit and charges the rate limits. It writes what the Express path writes: the same
 * security headers, statement counts, Vary, compression and media type. Anything else, or
 * anything that goes wrong before a response is written (an error to report, a row the public may
 * not read), goes on to Express and Apollo with the body already read, which answer as they always do.
 */
export class DirectLane {
  private readonly known = new LRUCache<string, Known>({ max: COMPILED_DOCUMENTS });
  private answers = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly options: DirectLaneOptions,
  ) {}

  /** How many requests the lane answered, and how many documents it knows (for tests). */
  get stats(): { answers: number; known: number } {
    return { answers: this.answers, known: this.known.size };
  }

  /** Learns the documents Apollo answered for the public, by query text and operation name. */
  plugin(): ApolloServerPlugin<Context> {
    return {
      requestDidStart: async () => ({
        willSendResponse: async ({ request, document, operation, contextValue, response }) => {
          if (request.http?.method !== 'POST' || typeof request.query !== 'string' || request.extensions?.persistedQuery) return;
          if (!document || operation?.operation !== 'query' || contextValue.viewer?.role !== PUBLIC_VIEWER.role) return;
          if (response.body.kind !== 'single' || response.body.singleResult.errors) return;
          this.known.set(keyOf(request.query, request.operationName), { document, operation });
        },
      }),
    };
  }

  /**
   * The server's request listener: answers what the lane can, and hands everything else to `next`
   * (the Express application). A body the lane has read goes on as `req.body`, which Express's JSON
   * parser then leaves as it is, or, when it is not JSON, as the error that parser would raise
   * (see refuseUnreadBody).
   */
  listener(next: RequestListener): RequestListener {
    return (req, res) => {
      const contentType = this.candidate(req);
      if (!contentType) return next(req, res);
      readBody(req).then(
        (text) => {
          const body = parseBody(text);
          if (body instanceof Error) {
            unreadable.set(req, body);
            return next(req, res);
          }
          (req as IncomingMessage & { body?: unknown }).body = body;
          const counters: RequestCounters = { statements: { count: 0 }, readFallbacks: { count: 0 } };
          // Counting needs AsyncLocalStorage, whose hooks cost every request: only when asked for.
          const answering = () => this.answer(req, res, body, contentType, counters);
          (this.options.countSqlStatements ? countStatements(counters.statements, answering) : answering()).then(
            (answered) => answered || next(req, res),
            (error: unknown) => {
              console.error('the direct lane failed before answering', error);
              next(req, res);
            },
          );
        },
        (error: Error) => {
          unreadable.set(req, Object.assign(error, { status: 400, type: 'request.aborted' }));
          next(req, res);
        },
      );
    };
  }

  /**
   * The media type the lane would answer with, for a request it may take: a POST to /graphql
   * without credentials, with a JSON body of a stated length within the limit, not compressed, in
   * UTF-8. Anything else goes to Express unread.
   */
  private candidate(req: IncomingMessage): string | null {
    if (req.method !== 'POST' || req.url !== '/graphql' || req.headers.authorization || req.headers['x-pathforge-session']) return null;
    const length = req.headers['content-length'];
    if (length === undefined || req.headers['transfer-encoding'] || Number(length) > limits.maxBodyBytes) return null;
    const encoding = req.headers['content-encoding'];
    if (encoding && encoding.toLowerCase() !== 'identity') return null;
    if (!/^application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i.test(req.headers['content-type'] ?? '')) return null;
    return mediaTypeOf(req);
  }

  private async answer(req: IncomingMessage, res: ServerResponse, body: unknown, contentType: string, counters: RequestCounters): Promise<boolean> {
    if (!isPlainObject(body) || typeof body.query !== 'string' || !Object.keys(body).every((key) => key === 'query' || key === 'variables' || key === 'operationName')) return false;
    const operationName = body.operationName ?? null;
    const variables = body.variables ?? {};
    // An empty name names no operation (Apollo refuses it), unlike an absent one.
    if ((operationName !== null && (typeof operationName !== 'string' || operationName === '')) || !isPlainObject(variables)) return false;
    const known = this.known.get(keyOf(body.query, operationName));
    // PostgreSQL text cannot hold U+0000: Apollo refuses it (see textInputPlugin).
    if (!known || JSON.stringify(variables).includes('\\u0000')) return false;
    const context = this.options.context(req, counters);
    const plan = planDirectAnswer(this.schema, known.document, operationName, context, variables);
    if (!plan) return false;
    let cost: number;
    try {
      cost = variablesCost(this.schema, known.document, known.operation, variables);
    } catch {
      return false;
    }
    if (cost > limits.maxCost) return false;
    try {
      await this.options.charge(context, cost);
    } catch {
      // Spent: Apollo refuses the request, with its Retry-After.
      return false;
    }
    charged.set(req, cost);
    // A database that fails or is busy is Apollo's to report (DATABASE_UNAVAILABLE, DATABASE_BUSY).
    const texts = await plan.run().catch(() => null);
    if (!texts) return false;
    this.answers += 1;
    res.statusCode = 200;
    for (const [name, value] of API_HEADERS) res.setHeader(name, value);
    if (this.options.countSqlStatements) {
      res.setHeader('X-SQL-Statements', String(counters.statements.count));
      res.setHeader('X-Read-Fallbacks', String(counters.readFallbacks.count));
    }
    res.setHeader('cache-control', 'private, no-store');
    res.setHeader('content-type', contentType);
    finishGraphQLResponse(req, res, responseJson({ data: rawData(texts) }), this.options.httpCache);
    return true;
  }
}

/**
 * Express middleware for the start of /graphql's chain: a body the lane read and found not to be
 * JSON is refused as Express's JSON parser refuses one (see jsonErrors).
 */
export function refuseUnreadBody(req: IncomingMessage, _res: ServerResponse, next: (error?: unknown) => void): void {
  next(unreadable.get(req));
}

/** The body as text; the caller has checked its stated length against the limit (Node holds the body to it). */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
    req.on('aborted', () => reject(new Error('request aborted')));
  });
}

/** The body as Express's strict JSON parser reads it: an empty body is {}, anything but an object or array is refused. */
function parseBody(text: string): unknown {
  if (text.length === 0) return {};
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // refused below
    }
  }
  return Object.assign(new Error('The request body is not valid JSON'), { status: 400, type: 'entity.parse.failed' });
}

const keyOf = (query: string, operationName: string | null | undefined) => `${operationName ?? ''}\n${query}`;

/**
 * The media type Apollo would answer a JSON POST with: its own choice between application/json
 * and application/graphql-response+json by the Accept header, or null for a request the lane
 * leaves to Apollo (another content type, which CSRF prevention looks at, or an Accept header
 * that asks for anything else).
 */
function mediaTypeOf(req: IncomingMessage): string | null {
  const accept = req.headers.accept;
  if (!accept) return JSON_TYPE;
  if (/callback|multipart/i.test(accept)) return null;
  const chosen = accepts(req).type(['application/json', 'application/graphql-response+json']);
  return chosen === 'application/json' ? JSON_TYPE : chosen === 'application/graphql-response+json' ? GRAPHQL_RESPONSE_TYPE : null;
}
