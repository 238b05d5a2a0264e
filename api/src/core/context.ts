import { DataSource } from 'typeorm';
import { Loaders } from './loaders';
import type { CookieSession } from './web-hardening';
import type { LoginThrottle } from './login-throttle';
import { StatementCounter } from './sql-counter';
import { PUBLIC_VIEWER, Viewer } from './viewer';

export interface Context {
  db: DataSource;
  loaders: Loaders;
  statements: StatementCounter;
  viewer: Viewer;
  /** Fields of compiled reads that their resolvers answered instead (X-Read-Fallbacks). */
  readFallbacks: { count: number };
  /** The root mutation field being executed (mutations run one at a time), for the audit log. */
  mutation?: string;
  /** The console's cookie session, on requests that came over HTTP. */
  session?: CookieSession;
  /** Counts failed sign-ins, on requests that came over HTTP (see login-throttle.ts). */
  loginThrottle?: LoginThrottle;
  /** The address the request came from, on requests that came over HTTP. */
  clientAddress?: string;
  /** The query cost the direct lane charged before it passed the request on (see DirectLane): not charged again. */
  chargedCost?: number;
}

export function createContext(db: DataSource, statements: StatementCounter = { count: 0 }, viewer: Viewer = PUBLIC_VIEWER): Context {
  return { db, loaders: new Loaders(db), statements, viewer, readFallbacks: { count: 0 } };
}
