import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { DocumentNode, ExecutionResult, GraphQLError, GraphQLSchema, printSchema } from 'graphql';
import { CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import { rawData } from './raw-answer';

/** How many compiled documents are kept; the least recently used goes first. */
export const COMPILED_DOCUMENTS = Number(process.env.GRAPHQL_COMPILED_DOCUMENTS ?? 1000);

type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type GatewaySchemaLoadOrUpdateCallback = Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;

type Compiled = CompiledQuery | { errors: readonly GraphQLError[] };

/**
 * Answers a whole operation without graphql-jit when it can: each root field's JSON text by
 * response key, or null to have the compiled function answer.
 */
export type DirectAnswer = (
  document: DocumentNode,
  operationName: string | null,
  context: unknown,
  variables: Record<string, unknown> | undefined,
) => Promise<Map<string, string | null> | null>;

/**
 * Executes operations with graphql-jit: each document is compiled once into a function, and the
 * function is kept in a bounded LRU. Apollo's document store hands back the same parsed document
 * for the same query text, so the document object is the key; an operation name picks one of a
 * document's operations. Apollo still parses, validates and runs its plugins (limits, rate
 * limits); only execution is replaced, through the `gateway` interface that accepts an executor.
 */
export class CompiledExecutor implements GatewayInterface {
  private readonly compiled = new LRUCache<DocumentNode, Map<string, Compiled>>({ max: COMPILED_DOCUMENTS });
  private readonly listeners = new Set<GatewaySchemaLoadOrUpdateCallback>();
  private compilations = 0;

  private directAnswers = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly direct?: DirectAnswer,
  ) {}

  /** How many documents were compiled, how many are kept, and how many answers came directly (for tests and the benchmark). */
  get stats(): { compilations: number; kept: number; directAnswers: number } {
    return { compilations: this.compilations, kept: this.compiled.size, directAnswers: this.directAnswers };
  }

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): () => void {
    this.listeners.add(callback);
    return () => this.listeners.delete(callback);
  }

  async load(): Promise<{ executor: GatewayExecutor }> {
    const schemaContext = { apiSchema: this.schema, coreSupergraphSdl: printSchema(this.schema) };
    for (const listener of this.listeners) listener(schemaContext);
    return { executor: (request) => this.execute(request.document, request.operationName, request.context, request.request.variables) };
  }

  async stop(): Promise<void> {
    this.compiled.clear();
  }

  private compile(document: DocumentNode, operationName: string | null): Compiled {
    let byOperation = this.compiled.get(document);
    if (!byOperation) this.compiled.set(document, (byOperation = new Map()));
    const key = operationName ?? '';
    let compiled = byOperation.get(key);
    if (!compiled) {
      this.compilations += 1;
      const result = compileQuery(this.schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
      compiled = isCompiledQuery(result) ? result : { errors: result.errors ?? [new GraphQLError('The query could not be compiled')] };
      byOperation.set(key, compiled);
    }
    return compiled;
  }

  private async execute(document: DocumentNode, operationName: string | null, context: unknown, variables: Record<string, unknown> | undefined): Promise<ExecutionResult> {
    const compiled = this.compile(document, operationName);
    if (!isCompiledQuery(compiled)) return { errors: compiled.errors };
    let texts: Awaited<ReturnType<NonNullable<typeof this.direct>>> | null | undefined = null;
    try {
      texts = this.direct && (await this.direct(document, operationName, context, variables));
    } catch {
      // The statements failed (the database went away mid-request, say): the resolvers answer
      // instead, and their errors carry the codes clients know (DATABASE_UNAVAILABLE, …).
      texts = null;
    }
    if (texts) {
      this.directAnswers += 1;
      return { data: rawData(texts) };
    }
    const result = await compiled.query(undefined, context, variables ?? {});
    if (!result.errors?.length) return result;
    // Without data, execution never started: the variables could not be read, which is the client's mistake.
    const badVariables = result.data === undefined;
    return { ...result, errors: result.errors.map((error) => asApolloError(error, badVariables)) };
  }
}

/**
 * graphql-jit's errors are GraphQLErrors without `extensions` when the resolver's error had none,
 * and its variable errors point at no node; Apollo expects both. Errors become graphql-js errors
 * carrying the original error and its extensions, and unreadable variables BAD_USER_INPUT with
 * HTTP 400, as graphql-js execution gives them.
 */
function asApolloError(error: GraphQLError, badVariables: boolean): GraphQLError {
  const original = error.originalError ?? undefined;
  const extensions = badVariables ? { code: 'BAD_USER_INPUT', http: { status: 400 } } : (original as GraphQLError | undefined)?.extensions;
  const converted = new GraphQLError(error.message, { path: error.path, originalError: original, extensions });
  if (error.locations) Object.assign(converted, { locations: error.locations });
  return converted;
}
