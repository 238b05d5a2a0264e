import { HttpError } from 'ra-core';

const TOKEN_KEY = 'pathforge.token';
const ROLE_KEY = 'pathforge.role';

/** The bearer token and role of the signed-in account, kept across reloads. */
export const session = {
  token: () => localStorage.getItem(TOKEN_KEY),
  role: () => localStorage.getItem(ROLE_KEY),
  save(token: string, role: string) {
    localStorage.setItem(TOKEN_KEY, token);
    localStorage.setItem(ROLE_KEY, role);
  },
  clear() {
    localStorage.removeItem(TOKEN_KEY);
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
  const token = session.token();
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => ({}))) as GraphQLResponse<T>;
  const error = body.errors?.[0];
  if (error) throw new HttpError(error.message, STATUS_BY_CODE[error.extensions?.code ?? ''] ?? 500, body);
  if (!response.ok || body.data === undefined) throw new HttpError(`The server answered ${response.status}`, response.status, body);
  return body.data;
}
