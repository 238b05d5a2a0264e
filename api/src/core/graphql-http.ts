import http from 'node:http';
import { ApolloServer, BaseContext, HeaderMap } from '@apollo/server';

export interface GraphQLHttpOptions<TContext extends BaseContext> {
  /** Bodies larger than this are refused with HTTP 413 before they are parsed. */
  maxBodyBytes: number;
  /** The request's context; a GraphQLError thrown here is answered with its code and HTTP status. */
  context(request: http.IncomingMessage): Promise<TContext>;
  /** Last headers before the response's head goes out. */
  beforeHead?(response: http.ServerResponse): void;
}

function refuse(response: http.ServerResponse, status: number, message: string, code: string): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/** The body, or null once it passes `limit` bytes (the rest is not read). */
function readBody(request: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks, size)));
    request.on('error', reject);
  });
}

const isJson = (contentType: string | undefined) => contentType !== undefined && /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType);

/**
 * Serves /graphql straight from Node's HTTP server into Apollo: the body is read and parsed here
 * and handed to `executeHTTPGraphQLRequest`, with no Express routing, body-parser or integration
 * layer in between (each adds work to every request and none of them decides anything Apollo does
 * not decide again). Apollo still does everything GraphQL over HTTP needs: methods, CSRF
 * prevention, batching refused, status codes.
 */
export function graphqlHttpHandler<TContext extends BaseContext>(apollo: ApolloServer<TContext>, options: GraphQLHttpOptions<TContext>) {
  return async (request: http.IncomingMessage, response: http.ServerResponse): Promise<void> => {
    const contentType = request.headers['content-type'];
    let body: unknown;
    if (request.method === 'POST') {
      const declared = Number(request.headers['content-length']);
      const raw = declared > options.maxBodyBytes ? null : await readBody(request, options.maxBodyBytes);
      if (raw === null) return refuse(response, 413, `The body is larger than ${options.maxBodyBytes} bytes`, 'PAYLOAD_TOO_LARGE');
      if (isJson(contentType)) {
        try {
          body = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
        } catch {
          return refuse(response, 400, 'The body is not valid JSON', 'BAD_REQUEST');
        }
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = request.url ?? '';
    const query = url.indexOf('?');
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method?.toUpperCase() ?? 'GET', headers, search: query === -1 ? '' : url.slice(query), body },
      context: () => options.context(request),
    });
    for (const [key, value] of answer.headers) response.setHeader(key, value);
    response.statusCode = answer.status ?? 200;
    options.beforeHead?.(response);
    if (answer.body.kind === 'complete') {
      response.end(answer.body.string);
      return;
    }
    for await (const chunk of answer.body.asyncIterator) response.write(chunk);
    response.end();
  };
}
