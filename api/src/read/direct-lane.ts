import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { COMPILED_DOCUMENTS } from '../core/compiled-executor';
import { Context } from '../core/context';
import { limits, responseJson, variablesCost } from '../core/limits';
import { rawData } from '../core/raw-answer';
import { PUBLIC_VIEWER } from '../core/viewer';
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

/**
 * The direct lane: a public POST of a query that compiled statements answer whole goes from the
 * parsed body to PostgreSQL's JSON text and back out, without Apollo's request pipeline, which
 * costs more CPU than the rest of such a request together (plugin hooks, query hashing, response
 * assembly). Only documents Apollo itself has already parsed, validated and answered for the
 * public without errors take the lane (kept by their text, as Apollo's document store keeps them),
 * and the lane does for each request what could turn out differently with other variables: it
 * coerces them, refuses text with U+0000, costs the operation against the query limit and charges
 * the rate limits. Anything else, or anything that goes wrong (an error to report, a row the
 * public may not read), goes on to Apollo before a response is written, which answers as it
 * always does. The response goes out through the same Express layers (headers, statement count,
 * compression) as Apollo's.
 */
export class DirectLane {
  private readonly known = new LRUCache<string, Known>({ max: COMPILED_DOCUMENTS });
  private answers = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    /** The request's context, as Apollo's would be for the public. */
    private readonly context: (req: Request, res: Response) => Context,
    /** The rate limits' charge, shared with Apollo's plugin: one budget. */
    private readonly charge: (context: Context, cost: number) => Promise<void>,
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

  /** Express middleware in front of Apollo's: answers what it can, and passes everything else on untouched. */
  middleware(): RequestHandler {
    return (req: Request, res: Response, next: NextFunction) => {
      this.answer(req, res).then((answered) => (answered ? undefined : next()), next);
    };
  }

  private async answer(req: Request, res: Response): Promise<boolean> {
    if (req.method !== 'POST' || req.headers.authorization || req.headers['x-pathforge-session']) return false;
    const contentType = mediaTypeOf(req);
    if (!contentType) return false;
    const body: unknown = req.body;
    if (!isPlainObject(body) || typeof body.query !== 'string' || !Object.keys(body).every((key) => key === 'query' || key === 'variables' || key === 'operationName')) return false;
    const operationName = body.operationName ?? null;
    const variables = body.variables ?? {};
    // An empty name names no operation (Apollo refuses it), unlike an absent one.
    if ((operationName !== null && (typeof operationName !== 'string' || operationName === '')) || !isPlainObject(variables)) return false;
    const known = this.known.get(keyOf(body.query, operationName));
    // PostgreSQL text cannot hold U+0000: Apollo refuses it (see textInputPlugin).
    if (!known || JSON.stringify(variables).includes('\\u0000')) return false;
    const context = this.context(req, res);
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
      await this.charge(context, cost);
    } catch {
      // Spent: Apollo refuses the request, with its Retry-After.
      return false;
    }
    // A database that fails or is busy is Apollo's to report (DATABASE_UNAVAILABLE, DATABASE_BUSY).
    const texts = await plan.run().catch(() => null);
    if (!texts) return false;
    this.answers += 1;
    res.status(200);
    res.setHeader('cache-control', 'private, no-store');
    res.setHeader('content-type', contentType);
    res.send(responseJson({ data: rawData(texts) }));
    return true;
  }
}

const keyOf = (query: string, operationName: string | null | undefined) => `${operationName ?? ''}\n${query}`;

/**
 * The media type Apollo would answer a JSON POST with: its own choice between application/json
 * and application/graphql-response+json by the Accept header, or null for a request the lane
 * leaves to Apollo (another content type, which CSRF prevention looks at, or an Accept header
 * that asks for anything else).
 */
function mediaTypeOf(req: Request): string | null {
  if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) return null;
  const accept = req.headers.accept;
  if (!accept) return JSON_TYPE;
  if (/callback|multipart/i.test(accept)) return null;
  const chosen = req.accepts(['application/json', 'application/graphql-response+json']);
  return chosen === 'application/json' ? JSON_TYPE : chosen === 'application/graphql-response+json' ? GRAPHQL_RESPONSE_TYPE : null;
}

