import { HttpError } from 'ra-core';
import { earlyResponse } from './earlyRequests';
import { postGraphQL, session } from './session';

export { session, sessionHeaders } from './session';

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
  // The first page's query may already be under way (see earlyRequests.ts).
  const response = await (earlyResponse(query, variables) ?? postGraphQL(query, variables));
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
