/**
 * The session as the browser holds it, and the bare GraphQL request. Nothing here imports a
 * library: earlyRequests.ts sends the first page's query with it before the console's code runs.
 */
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

/** Posts one GraphQL document with the session cookie; graphql.ts reads the answer. */
export function postGraphQL(query: string, variables: Record<string, unknown>): Promise<Response> {
  return fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    // Asks for, and authenticates by, the session cookie; the API ignores the cookie without it.
    headers: { 'content-type': 'application/json', ...sessionHeaders() },
    body: JSON.stringify({ query, variables }),
  });
}
