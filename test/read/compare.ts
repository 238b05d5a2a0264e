import { execute, ExecutionResult, GraphQLSchema, parse, validate } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { DataSource } from 'typeorm';
import { createContext } from '../../api/src/core/context';
import { countStatements } from '../../api/src/core/sql-counter';
import { PUBLIC_VIEWER, Viewer } from '../../api/src/core/viewer';
import { User } from '../../api/src/modules/accounts/user.entity';
import { buildPathforgeSchema, buildResolverSchema } from '../../api/src/schema/build';

export interface Answer {
  data: unknown;
  errors: { message: string; code: unknown; path: unknown }[];
  statements: number;
  fallbacks: number;
}

export interface Readers {
  compiled: GraphQLSchema;
  resolvers: GraphQLSchema;
  viewers: Record<string, Viewer>;
}

/** Both schemas, and a viewer for each demo account (every role) and for the public. */
export async function readers(db: DataSource): Promise<Readers> {
  const users = await db.getRepository(User).find({ order: { id: 'ASC' } });
  const viewers: Record<string, Viewer> = { public: PUBLIC_VIEWER };
  for (const user of users) viewers[user.email] = { role: user.role, userId: user.id, institutionId: user.institutionId, employerId: user.employerId };
  return { compiled: await buildPathforgeSchema(), resolvers: await buildResolverSchema(), viewers };
}

/**
 * Runs a document as the HTTP path does (a fresh context per request) and keeps what a client
 * sees; with `jit`, through graphql-jit's compiled executor instead of graphql-js.
 */
export async function answer(db: DataSource, schema: GraphQLSchema, viewer: Viewer, document: string, variables: Record<string, unknown> = {}, jit = false): Promise<Answer> {
  const parsed = parse(document);
  const invalid = validate(schema, parsed);
  if (invalid.length > 0) throw new Error(`invalid test document: ${invalid[0].message}\n${document}`);
  const context = createContext(db, { count: 0 }, viewer);
  const run = async (): Promise<ExecutionResult> => {
    if (!jit) return execute({ schema, document: parsed, variableValues: variables, contextValue: context });
    const compiled = compileQuery(schema, parsed);
    if (!isCompiledQuery(compiled)) throw new Error(`graphql-jit could not compile: ${compiled.errors?.[0]?.message}`);
    return compiled.query(undefined, context, variables);
  };
  const result = await countStatements(context.statements, run);
  return {
    data: JSON.parse(JSON.stringify(result.data ?? null)),
    errors: (result.errors ?? []).map((error) => ({ message: error.message, code: error.extensions?.code ?? (error.originalError as { extensions?: { code?: unknown } } | undefined)?.extensions?.code, path: error.path })),
    statements: context.statements.count,
    fallbacks: context.readFallbacks.count,
  };
}
