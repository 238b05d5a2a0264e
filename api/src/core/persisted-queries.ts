import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { ApolloServerOptions, ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { LRUCache } from 'lru-cache';
import { Context } from './context';
import { PUBLIC_VIEWER } from './viewer';

/** Documents a college's build registered, by the sha256 hash of their text. */
export type PersistedDocuments = ReadonlyMap<string, string>;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Reads a persisted-documents file: a JSON object from sha256 hash (bare hex, or `sha256:` and hex)
 * to document, as GraphQL Code Generator's client preset writes it. A hash that is not the hash of its document is refused,
 * so a file cannot register one text under another's name.
 */
export function readPersistedDocuments(...files: (string | undefined)[]): PersistedDocuments {
  const documents = new Map<string, string>();
  for (const file of files) if (file) readInto(documents, file);
  return documents;
}

function readInto(documents: Map<string, string>, file: string): void {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${file} must hold a JSON object from sha256 hash to document`);
  for (const [key, document] of Object.entries(parsed)) {
    const hash = key.toLowerCase().replace(/^sha256:/, '');
    if (typeof document !== 'string' || sha256(document) !== hash) throw new Error(`${file}: "${key}" is not the sha256 hash of its document`);
    documents.set(hash, document);
  }
}

/**
 * Apollo's automatic-persisted-query store: registered documents are always there; documents
 * clients register at run time are kept in a bounded LRU (Apollo prefixes keys with `apq:`).
 */
type PersistedQueryCache = NonNullable<NonNullable<Exclude<ApolloServerOptions<Context>['persistedQueries'], false>>['cache']>;

export function persistedQueryCache(registered: PersistedDocuments): PersistedQueryCache {
  const learned = new LRUCache<string, string>({ max: 10_000 });
  const hashOf = (key: string) => key.replace(/^apq:/, '');
  return {
    async get(key) {
      return registered.get(hashOf(key)) ?? learned.get(key);
    },
    async set(key, value) {
      learned.set(key, value);
    },
    async delete(key) {
      return learned.delete(key);
    },
  };
}

/**
 * With PERSISTED_QUERIES=only, a caller without a token may run registered documents only (by
 * hash or by their exact text); signed-in callers (the admin console) are not restricted.
 */
export function registeredOnlyPlugin(registered: PersistedDocuments): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ queryHash, contextValue }) {
          if (contextValue.viewer.role !== PUBLIC_VIEWER.role || registered.has(queryHash)) return;
          throw new GraphQLError('This API answers registered documents only: send a persisted query hash your build registered', {
            extensions: { code: 'PERSISTED_QUERY_NOT_REGISTERED', http: { status: 400 } },
          });
        },
      };
    },
  };
}
