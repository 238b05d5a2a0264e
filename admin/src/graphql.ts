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
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    // Asks for, and authenticates by, the session cookie; the API ignores the cookie without it.
    headers: { 'content-type': 'application/json', 'x-pathforge-session': 'cookie' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => ({}))) as GraphQLResponse<T>;
  const error = body.errors?.[0];
  if (error) throw new HttpError(error.message, STATUS_BY_CODE[error.extensions?.code ?? ''] ?? 500, body);
  if (!response.ok || body.data === undefined) throw new HttpError(`The server answered ${response.status}`, response.status, body);
  return body.data;
}
