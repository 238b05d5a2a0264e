import { HeaderMap } from '@apollo/server';
import type { RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import type Redis from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { config } from './config';
import { sharedRedis } from './redis';

/** Rate-limiter budgets and the RATE_LIMITED answer, shared by the query limiter and the login throttle. */
export interface RateLimitOptions {
  /** Query cost one signed-in viewer may spend per window; 0 turns the limit off. */
  pointsPerViewer: number;
  /** Query cost one client address may spend per window, whoever signs in; 0 turns it off. */
  pointsPerAddress: number;
  windowSeconds: number;
  /** Prefix of the Redis keys, so that the API processes sharing a budget use the same keys. */
  keyPrefix: string;
  /** Where budgets are kept across processes; null keeps them in this process. */
  redis: Redis | null;
}

export function rateLimitDefaults(): RateLimitOptions {
  return { ...config.rateLimit, redis: sharedRedis() };
}

export function limiterFor(options: Pick<RateLimitOptions, 'windowSeconds' | 'keyPrefix' | 'redis'>, scope: string, points: number): RateLimiterAbstract | null {
  if (points === 0) return null;
  const common = { points, duration: options.windowSeconds, keyPrefix: `${options.keyPrefix}:${scope}` };
  if (!options.redis) return new RateLimiterMemory(common);
  // While Redis is away each process counts on its own instead of refusing everyone.
  return new RateLimiterRedis({ ...common, storeClient: options.redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(common) });
}

export function rateLimited(retryAfterSeconds: number, scope: string): GraphQLError {
  return new GraphQLError(`Too many requests: try again in ${retryAfterSeconds} s`, {
    extensions: {
      code: 'RATE_LIMITED',
      scope,
      retryAfterSeconds,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}

export interface UploadLimitOptions {
  /** Requests one client address may send per window; 0 turns the limit off. */
  requestsPerAddress: number;
  windowSeconds: number;
}

/**
 * Counts requests per client address before their body is read, for routes that take large uploads
 * outside GraphQL (its limiter charges query cost): past the budget they answer 429 RATE_LIMITED
 * with Retry-After, the same answer GraphQL gives, without reading the upload.
 */
export function uploadLimit(scope: string, options: UploadLimitOptions): RequestHandler {
  const common = rateLimitDefaults();
  const limiter = limiterFor({ ...common, windowSeconds: options.windowSeconds }, scope, options.requestsPerAddress);
  return (req, res, next) => {
    if (!limiter) return next();
    limiter.consume(req.ip ?? 'unknown', 1).then(
      () => next(),
      (refusal: unknown) => {
        if (!(refusal instanceof RateLimiterRes)) return next(refusal);
        const retryAfter = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
        // GraphQL's own RATE_LIMITED answer, its HTTP status and header set on the response instead.
        const { message, extensions: { http: _http, ...extensions } } = rateLimited(retryAfter, scope);
        res.status(429).set('retry-after', String(retryAfter)).json({ errors: [{ message, extensions }] });
      },
    );
  };
}
