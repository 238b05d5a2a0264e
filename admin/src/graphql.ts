import { HttpError } from 'ra-core';

const ROLE_KEY = 'pathforge.role';

/**
 * The signed-in account's role, kept across reloads. The token itself lives in an httpOnly
 * cookie the API sets, which no script (ours or an injected one) can read.
 */
export const session = {
  role: () => localStorage.getItem(ROLE_KEY),
  save(role: string) {
    localStorage.setItem(ROLE_KEY, role);
  },
  clear() {
    localStorage.removeItem(ROLE_KEY);
  },
};

/**
 * The header that lets the API read the session cookie: `signed-in` while the console holds a
 * session, so that a request whose cookie has expired is refused (401, and the sign-in page) rather
 * than answered as the public; `cookie` before signing in.
 */
export function sessionHeaders(): Record<string, string> {
  return { 'x-pathforge-session': session.role() ? 'signed-in' : 'cookie' };
}

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const STATUS_BY_CODE: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400 };

/**
 * Posts one GraphQL document with the session's token. Top-level errors (authorization, faults)
 * reject with the HTTP status react-admin's auth provider understands; userErrors are data.
 */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const signedIn = session.role() !== null;
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    // Asks for, and authenticates by, the session cookie; the API ignores the cookie without it.
    headers: { 'content-type': 'application/json', ...sessionHeaders() },
    body: JSON.stringify({ query, variables }),
  });
  if (response.status === 401 && signedIn) {
    // The session cookie expired or was cleared: every page, whether its reads go through
    // react-admin or not, goes back to signing in.
    session.clear();
    window.location.assign(`${import.meta.env.BASE_URL}login`);
  }
  const body = (await response.json().catch(() => ({}))) as GraphQLResponse<T>;
  const error = body.errors?.[0];
  if (error) throw new HttpError(error.message, STATUS_BY_CODE[error.extensions?.code ?? ''] ?? 500, body);
  if (!response.ok || body.data === undefined) throw new HttpError(`The server answered ${response.status}`, response.status, body);
  return body.data;
}
