import { ApolloServerPlugin } from '@apollo/server';
import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { Context } from './context';
import { limits, operationCost } from './limits';
import { limiterFor, rateLimited, RateLimitOptions } from './limiter';

export { rateLimitDefaults } from './limiter';
export type { RateLimitOptions } from './limiter';

/** A request's context with the address it came from (Apollo copies contexts, so it travels inside). */
export interface AddressedContext extends Context {
  clientAddress: string;
}

export function withClientAddress(context: Context, address: string | undefined): AddressedContext {
  return Object.assign(context, { clientAddress: address ?? 'unknown' });
}

/** Charges one operation's query cost to its viewer's and its client address's budgets; throws RATE_LIMITED once either is spent. */
export type RateCharge = (context: Context, cost: number) => Promise<void>;

export function rateCharge(options: RateLimitOptions): RateCharge {
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
  return async (context, cost) => {
    const points = Math.min(limits.maxCost, cost);
    await charge(byAddress, (context as AddressedContext).clientAddress ?? 'unknown', points, 'address');
    if (context.viewer.userId !== null) await charge(byViewer, String(context.viewer.userId), points, 'viewer');
  };
}

/**
 * Charges each operation's query cost (at least 1) to the viewer's budget and to the client
 * address's budget, and refuses it with RATE_LIMITED, HTTP 429 and Retry-After once either is
 * spent. Apollo runs this beside the query limits, so an operation they refuse is charged too,
 * but never more than the cost limit: one mistaken query does not spend a whole budget. `charge`
 * is shared with whatever else answers operations (the direct lane), so they spend one budget.
 */
export function rateLimitPlugin(options: RateLimitOptions, charge: RateCharge = rateCharge(options)): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext) {
          const cost = operationCost(requestContext);
          // The direct lane charged this very operation before it passed the request on.
          if (requestContext.contextValue.chargedCost === cost) return;
          await charge(requestContext.contextValue, cost);
        },
      };
    },
  };
}
