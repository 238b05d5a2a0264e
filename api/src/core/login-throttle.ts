import type Redis from 'ioredis';
import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { config } from './config';
import { limiterFor, rateLimited, rateLimitDefaults } from './limiter';

export interface LoginThrottleOptions {
  /** Consecutive failed sign-ins of one account from one address; 0 turns the limit off. */
  failuresPerAccountAndAddress: number;
  accountAndAddressWindowSeconds: number;
  /** Failed sign-ins from one address, whichever accounts; 0 turns the limit off. */
  failuresPerAddress: number;
  addressWindowSeconds: number;
  keyPrefix: string;
  redis: Redis | null;
}

export function loginThrottleDefaults(): LoginThrottleOptions {
  const { keyPrefix, redis } = rateLimitDefaults();
  return { ...config.loginThrottle, keyPrefix, redis };
}

/**
 * rate-limiter-flexible's login protection: failures are counted per account and address (reset by
 * a success), and per address over a day. Either count at its limit refuses further attempts with
 * RATE_LIMITED (HTTP 429, Retry-After) before the password is checked. An account is never locked
 * by its name alone: attempts from other addresses leave its owner's address free to sign in.
 */
export class LoginThrottle {
  private readonly byAccountAndAddress: RateLimiterAbstract | null;
  private readonly byAddress: RateLimiterAbstract | null;

  constructor(private readonly options: LoginThrottleOptions) {
    this.byAccountAndAddress = limiterFor({ ...options, windowSeconds: options.accountAndAddressWindowSeconds }, 'login-account', options.failuresPerAccountAndAddress);
    this.byAddress = limiterFor({ ...options, windowSeconds: options.addressWindowSeconds }, 'login-address', options.failuresPerAddress);
  }

  /** Refuses with RATE_LIMITED when either count is at its limit. */
  async check(email: string, address: string): Promise<void> {
    const [account, fromAddress] = await Promise.all([this.byAccountAndAddress?.get(accountKey(email, address)), this.byAddress?.get(address)]);
    const spent = (res: RateLimiterRes | null | undefined, points: number) => (res && res.consumedPoints >= points ? res.msBeforeNext : 0);
    const waitAddress = spent(fromAddress, this.options.failuresPerAddress);
    if (waitAddress > 0) throw rateLimited(seconds(waitAddress), 'login-address');
    const waitAccount = spent(account, this.options.failuresPerAccountAndAddress);
    if (waitAccount > 0) throw rateLimited(seconds(waitAccount), 'login-account');
  }

  async failed(email: string, address: string): Promise<void> {
    await Promise.all([consume(this.byAccountAndAddress, accountKey(email, address)), consume(this.byAddress, address)]);
  }

  async succeeded(email: string, address: string): Promise<void> {
    await this.byAccountAndAddress?.delete(accountKey(email, address));
  }
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** The email as login looks it up, so case and spaces make no new account to guess at. */
const accountKey = (email: string, address: string) => `${email.trim().toLowerCase().slice(0, 320)}|${address}`;

async function consume(limiter: RateLimiterAbstract | null, key: string): Promise<void> {
  if (!limiter) return;
  try {
    await limiter.consume(key);
  } catch (rejection) {
    // Over the limit already: the next attempt is refused by check().
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
  }
}
