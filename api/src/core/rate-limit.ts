import { ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type Redis from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { config } from './config';
import { Context } from './context';
import { limits, operationCost } from './limits';
import { sharedRedis } from './redis';

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

/** A request's context with the address it came from (Apollo copies contexts, so it travels inside). */
export interface AddressedContext extends Context {
  clientAddress: string;
}

export function withClientAddress(context: Context, address: string | undefined): AddressedContext {
  return Object.assign(context, { clientAddress: address ?? 'unknown' });
}

/**
 * Charges each operation's query cost (at least 1) to the viewer's budget and to the client
 * address's budget, and refuses it with RATE_LIMITED, HTTP 429 and Retry-After once either is
 * spent. Apollo runs this beside the query limits, so an operation they refuse is charged too,
 * but never more than the cost limit: one mistaken query does not spend a whole budget.
 */
export function rateLimitPlugin(options: RateLimitOptions): ApolloServerPlugin<Context> {
  if (!Number.isInteger(options.windowSeconds) || options.windowSeconds < 1) throw new Error('The rate-limit window must be at least 1 second');
  const byAddress = limiterFor(options, 'address', options.pointsPerAddress);
  const byViewer = limiterFor(options, 'viewer', options.pointsPerViewer);
  const charge = async (limiter: RateLimiterAbstract | null, key: string, points: number, scope: string) => {
    if (!limiter) return;
    try {
      await limiter.consume(key, points);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw rateLimited(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)), scope);
    }
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext) {
          const points = Math.min(limits.maxCost, operationCost(requestContext));
          const { contextValue } = requestContext;
          await charge(byAddress, (contextValue as AddressedContext).clientAddress ?? 'unknown', points, 'address');
          if (contextValue.viewer.userId !== null) await charge(byViewer, String(contextValue.viewer.userId), points, 'viewer');
        },
      };
    },
  };
}
