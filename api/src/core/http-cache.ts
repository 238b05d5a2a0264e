import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { ApolloServerPlugin } from '@apollo/server';
import compression from 'compression';
import type { IncomingMessage, ServerResponse } from 'node:http';
import accepts from 'accepts';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Context } from './context';
import { dataVerdict } from './public-data';
import { PUBLIC_VIEWER } from './viewer';
import { everyRootAnswered } from './raw-answer';

export interface HttpCacheOptions {
  maxAgeSeconds: number;
  staleWhileRevalidateSeconds: number;
  /** max-age of public answers that read immutable data only (`@ImmutableData`), such as a published version by ID. */
  immutableMaxAgeSeconds: number;
  compressionThresholdBytes: number;
}

const PRIVATE = 'private, no-store';

/**
 * Decides each answer's Cache-Control from the schema: a GET query by a caller without a token
 * whose every field is public data (`@PublicData`), answered without errors, may be kept by any
 * cache; everything else (signed in, mutations, drafts, learners, errors) is `private, no-store`.
 * A public answer whose every field is also immutable data (`@ImmutableData`: a published
 * version by ID, its stages and links) never changes, so caches keep it for
 * `immutableMaxAgeSeconds` without revalidating; unless a root field answered null, since a
 * record that does not exist (or is not published) yet may appear under that ID later.
 */
export function httpCachePlugin(options: HttpCacheOptions): ApolloServerPlugin<Context> {
  const publicPolicy = `public, max-age=${options.maxAgeSeconds}, stale-while-revalidate=${options.staleWhileRevalidateSeconds}`;
  const immutablePolicy = `public, max-age=${options.immutableMaxAgeSeconds}, immutable`;
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, operation, document, schema, contextValue }) {
          const cacheable =
            request.http?.method === 'GET' &&
            operation?.operation === 'query' &&
            contextValue.viewer?.role === PUBLIC_VIEWER.role &&
            response.body.kind === 'single' &&
            !response.body.singleResult.errors &&
            document !== undefined &&
            dataVerdict(schema, document).onlyPublic;
          if (!cacheable) {
            response.http.headers.set('cache-control', PRIVATE);
            return;
          }
          const data = response.body.kind === 'single' ? response.body.singleResult.data : undefined;
          const immutable = dataVerdict(schema, document!).onlyImmutable && everyRootAnswered(data);
          response.http.headers.set('cache-control', immutable ? immutablePolicy : publicPolicy);
        },
      };
    },
  };
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** The opaque tags of an If-None-Match header, compared weakly as RFC 9110 asks. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * Finishes every /graphql answer once its body is known, around Apollo's `res.send`:
 * - a GraphQL request error answered as `application/json` has status 200, as the
 *   GraphQL-over-HTTP spec asks of that media type (`application/graphql-response+json` keeps 4xx);
 * - Cache-Control defaults to `private, no-store`;
 * - the body is compressed (brotli, else gzip) from the configured size on;
 * - public answers get a strong ETag over the bytes sent (so each encoding has its own), a 304
 *   for a matching If-None-Match, and CORS for any origin (they are the same for everyone).
 */
export function graphqlResponses(options: HttpCacheOptions): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const send = res.send.bind(res);
    res.send = ((body: unknown) => {
      if (typeof body !== 'string') return send(body);
      finishGraphQLResponse(req, res, body, options);
      return res;
    }) as Response['send'];
    next();
  };
}

/** Sends a /graphql answer's body as graphqlResponses describes; on plain Node objects, so the direct lane sends through it too. */
export function finishGraphQLResponse(req: IncomingMessage, res: ServerResponse, body: string, options: HttpCacheOptions): void {
  finish(req, res, body, options).catch((error: unknown) => {
    if (!res.headersSent) res.statusCode = 500;
    res.end();
    console.error('could not finish a GraphQL response', error);
  });
}

async function finish(req: IncomingMessage, res: ServerResponse, body: string, options: HttpCacheOptions): Promise<void> {
  const contentType = String(res.getHeader('content-type') ?? '');
  if (res.statusCode === 400 && contentType.startsWith('application/json') && isGraphQLRequestError(body)) res.statusCode = 200;
  if (!res.getHeader('cache-control')) res.setHeader('cache-control', PRIVATE);
  // The console's cookie session counts only with its header, so the header is what varies.
  res.setHeader('vary', 'Accept, Accept-Encoding, Authorization, X-Pathforge-Session');

  let bytes = Buffer.from(body, 'utf8');
  // Brotli whenever the client takes it (it is smaller), whatever order the header lists them in.
  const accepted = bytes.length < options.compressionThresholdBytes ? null : accepts(req);
  const encoding = !accepted ? false : accepted.encodings('br') ? 'br' : accepted.encodings('gzip') ? 'gzip' : false;
  if (encoding === 'br') {
    bytes = await brotli(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
    res.setHeader('content-encoding', 'br');
  } else if (encoding === 'gzip') {
    bytes = await gzip(bytes);
    res.setHeader('content-encoding', 'gzip');
  }

  const isPublic = String(res.getHeader('cache-control')).startsWith('public');
  if (isPublic) {
    res.setHeader('access-control-allow-origin', '*');
    const etag = `"${createHash('sha256').update(bytes).digest('base64url')}"`;
    res.setHeader('etag', etag);
    if (matches(req.headers['if-none-match'], etag)) {
      res.removeHeader('content-encoding');
      res.removeHeader('content-type');
      res.statusCode = 304;
      res.end();
      return;
    }
  }
  res.setHeader('content-length', bytes.length);
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

/**
 * A GraphQL request error: a document that does not parse or validate, variables that do not
 * coerce, or a document over a limit. A malformed HTTP request (Apollo's BAD_REQUEST: no query,
 * a batch, a simple cross-site request) is not one, and keeps its 400.
 */
function isGraphQLRequestError(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
    return !('data' in parsed) && Array.isArray(parsed.errors) && parsed.errors[0]?.extensions?.code !== 'BAD_REQUEST';
  } catch {
    return false;
  }
}

/**
 * Cross-origin pages (college sites, the embeddable finder) may read public GETs. The preflight
 * allows the headers Apollo's CSRF prevention asks GETs to carry, and browsers keep it for a day.
 */
export const graphqlPreflight: RequestHandler = (req, res, next) => {
  if (req.method !== 'OPTIONS') return next();
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-allow-methods', 'GET, POST');
  res.setHeader('access-control-allow-headers', 'content-type, apollo-require-preflight, x-apollo-operation-name');
  res.setHeader('access-control-max-age', '86400');
  res.status(204).end();
};

/** Compression for everything outside /graphql (the console, exports, the embeddable finder). */
export function compressionOutsideGraphQL(options: HttpCacheOptions): RequestHandler {
  return compression({
    threshold: options.compressionThresholdBytes,
    filter: (req, res) => !req.path.startsWith('/graphql') && compression.filter(req, res),
  });
}
