import { DESIGN, VIEWER } from './codesign/documents';
import { DASHBOARD, EXPIRY_WINDOW_DAYS } from './dashboard/document';
import { postGraphQL, session } from './session';

/**
 * The first page's GraphQL query, sent as soon as this module runs (main.tsx imports it first, and
 * it imports no library) instead of once the console has rendered its way down to the page: on a
 * slow phone that is seconds earlier. gql() takes the answer when the page asks for exactly the
 * same document and variables, once; any other request goes out as usual.
 */
const early = new Map<string, Promise<Response>>();
const key = (query: string, variables: Record<string, unknown>) => `${query}\n${JSON.stringify(variables)}`;

function send(query: string, variables: Record<string, unknown> = {}) {
  const response = postGraphQL(query, variables);
  // A failure is for the page to see when it takes the answer, not an unhandled rejection now.
  response.catch(() => undefined);
  early.set(key(query, variables), response);
}

export function earlyResponse(query: string, variables: Record<string, unknown>): Promise<Response> | undefined {
  const id = key(query, variables);
  const response = early.get(id);
  early.delete(id);
  return response;
}

// Only for someone signed in: anyone else is sent to the sign-in page.
if (session.role()) {
  const route = window.location.pathname.replace(/^\/admin/, '').replace(/\/$/, '');
  const designer = /^\/pathways\/([^/]+)\/show$/.exec(route);
  if (route === '') send(DASHBOARD, { expiryDays: EXPIRY_WINDOW_DAYS });
  else if (designer) {
    send(DESIGN, { id: decodeURIComponent(designer[1]) });
    send(VIEWER);
  }
}
