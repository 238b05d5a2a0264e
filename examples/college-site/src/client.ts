import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

/** What a persisted operation answers: typed data, or the errors the API gave. */
export type Answer<Data> = { data: Data; errors?: undefined } | { data?: null; errors: { message: string; extensions?: { code?: string } }[] };

/**
 * Runs a generated operation as a persisted query: a GET naming only its sha256 hash, which a CDN
 * can cache and which an API in PERSISTED_QUERIES=only mode accepts.
 */
export async function runPersisted<Data, Variables extends Record<string, unknown>>(
  endpoint: string,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<Answer<Data>> {
  // The generator names the algorithm (`sha256:<hex>`); automatic persisted queries send the hex.
  const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash?.replace(/^sha256:/, '');
  if (!hash) throw new Error('The document has no persisted hash: generate it with persistedDocuments on');
  const search = new URLSearchParams({
    variables: JSON.stringify(variables),
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }),
  });
  const response = await fetch(`${endpoint}?${search}`, { headers: { accept: 'application/graphql-response+json', 'apollo-require-preflight': 'true' } });
  return (await response.json()) as Answer<Data>;
}
