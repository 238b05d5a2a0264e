import express, { ErrorRequestHandler, Request, Response } from 'express';
import helmet from 'helmet';
import { parse as parseCookies, serialize } from 'cookie';

/** The console's session cookie: httpOnly, so no script on the page can read the token. */
export const SESSION_COOKIE = 'pathforge_session';
/**
 * The header the console sends with every request. A request authenticated by the cookie must
 * carry it: a form or image on another site cannot set a header, and a script there cannot send
 * one without a CORS preflight this API never answers (with SameSite=Strict on top).
 */
export const SESSION_HEADER = 'x-pathforge-session';
/**
 * The header's values: `cookie` asks for the cookie (signing in sends it), `signed-in` says the
 * console holds a session, so a request without the cookie (it expired, or was cleared) is refused
 * as UNAUTHENTICATED instead of quietly running as the public.
 */
const SESSION_VALUES = new Set(['cookie', 'signed-in']);
/** What authorizationOf gives for a console session whose cookie is gone: no token, so a 401. */
export const ENDED_SESSION = 'Session ended';

/** Security headers for everything, with a content security policy fit for the built console. */
export function securityHeaders(app: express.Express): void {
  app.disable('x-powered-by');
  // The console: its own scripts and styles only (MUI injects <style> elements, so inline styles
  // stay allowed), no framing, no plugins.
  app.use(
    '/admin',
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      referrerPolicy: { policy: 'same-origin' },
    }),
  );
  // Elsewhere the same headers without a CSP: GET /graphql serves Apollo's Sandbox page, which loads its scripts from Apollo's CDN.
  // The API, the embeddable finder and the document URLs are meant for other sites' pages, so their
  // resources may be loaded cross-origin (a <script> of the finder is a no-cors load).
  // They do not depend on the request: helmet computes them once, and each response gets them in one step.
  app.use((_req, res, next) => {
    for (const [name, value] of API_HEADERS) res.setHeader(name, value);
    next();
  });
}

/** The security headers of every response outside the console, as securityHeaders sets them (the direct lane sets them too). */
export const API_HEADERS: readonly [string, string][] = headersOf(
  helmet({ contentSecurityPolicy: false, referrerPolicy: { policy: 'same-origin' }, crossOriginResourcePolicy: { policy: 'cross-origin' } }),
);

/** The headers a middleware that only sets fixed headers sets, read by running it once. */
function headersOf(middleware: (req: Request, res: Response, next: (error?: unknown) => void) => void): [string, string][] {
  const headers: [string, string][] = [];
  const res = { setHeader: (name: string, value: string) => headers.push([name, String(value)]), removeHeader: () => undefined, getHeader: () => undefined };
  let done = false;
  middleware({ headers: {} } as Request, res as unknown as Response, (error) => {
    if (error) throw error;
    done = true;
  });
  if (!done) throw new Error('the security headers middleware did not finish at once');
  return headers;
}

export interface CookieSession {
  /** Whether this request asked for a cookie session (the console does). */
  wanted: boolean;
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export function cookieSession(req: Request, res: Response): CookieSession {
  const options = { httpOnly: true, sameSite: 'strict' as const, secure: req.secure, path: '/' };
  return {
    wanted: SESSION_VALUES.has(String(req.headers[SESSION_HEADER])),
    set: (token, expiresAt) => res.append('Set-Cookie', serialize(SESSION_COOKIE, token, { ...options, expires: expiresAt })),
    clear: () => res.append('Set-Cookie', serialize(SESSION_COOKIE, '', { ...options, expires: new Date(0) })),
  };
}

/**
 * The credentials of a request: its Authorization header, or else the console's session cookie
 * when the request carries the session header (see SESSION_HEADER). A cookie without the header
 * is ignored, so a cross-site request runs as the public at most.
 */
export function authorizationOf(req: Request): string | undefined {
  if (req.headers.authorization) return req.headers.authorization;
  const header = String(req.headers[SESSION_HEADER]);
  if (!SESSION_VALUES.has(header)) return undefined;
  const token = req.headers.cookie ? parseCookies(req.headers.cookie)[SESSION_COOKIE] : undefined;
  if (token) return `Bearer ${token}`;
  return header === 'signed-in' ? ENDED_SESSION : undefined;
}

/**
 * Express's own failures (a body over the limit, JSON that does not parse, anything thrown
 * outside GraphQL) as a GraphQL-shaped JSON answer without a stack, in every mode.
 */
export const jsonErrors: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error);
  const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 600 ? error.status : 500;
  const answer = (code: string, message: string) => res.status(status).type('application/json').json({ errors: [{ message, extensions: { code } }] });
  if (error?.type === 'entity.too.large') return answer('PAYLOAD_TOO_LARGE', `The request body is over the limit of ${error.limit} bytes`);
  if (error?.type === 'entity.parse.failed') return answer('BAD_REQUEST', 'The request body is not valid JSON');
  if (status < 500) return answer('BAD_REQUEST', 'The request could not be read');
  console.error(error);
  return answer('INTERNAL_SERVER_ERROR', 'Internal error');
};
