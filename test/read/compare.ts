import { execute, ExecutionResult, GraphQLSchema, parse, validate } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { DataSource } from 'typeorm';
import { createContext } from '../../api/src/core/context';
import { countStatements } from '../../api/src/core/sql-counter';
import { responseJson } from '../../api/src/core/limits';
import { rawData } from '../../api/src/core/raw-answer';
import { directAnswer } from '../../api/src/read/install';
import { PUBLIC_VIEWER, Viewer } from '../../api/src/core/viewer';
import { User } from '../../api/src/modules/accounts/user.entity';
import { buildPathforgeSchema, buildResolverSchema } from '../../api/src/schema/build';

export interface Answer {
  data: unknown;
  errors: { message: string; code: unknown; path: unknown }[];
  statements: number;
  fallbacks: number;
  /** The answer is PostgreSQL's JSON text, sent without graphql-jit (mode 'direct'). */
  direct: boolean;
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
 * sees; with `jit`, through graphql-jit's compiled executor instead of graphql-js; with 'direct',
 * as the server does: PostgreSQL's JSON text when it answers the whole operation, else graphql-jit.
 */
export async function answer(
  db: DataSource,
  schema: GraphQLSchema,
  viewer: Viewer,
  document: string,
  variables: Record<string, unknown> = {},
  jit: boolean | 'direct' = false,
): Promise<Answer> {
  const parsed = parse(document);
  const invalid = validate(schema, parsed);
  if (invalid.length > 0) throw new Error(`invalid test document: ${invalid[0].message}\n${document}`);
  const context = createContext(db, { count: 0 }, viewer);
  let direct = false;
  const run = async (): Promise<ExecutionResult> => {
    if (!jit) return execute({ schema, document: parsed, variableValues: variables, contextValue: context });
    if (jit === 'direct') {
      const texts = await directAnswer(schema, parsed, undefined, context, variables);
      if (texts) {
        direct = true;
        // What the client receives: the response text written around PostgreSQL's JSON.
        return JSON.parse(responseJson({ data: rawData(texts) })) as ExecutionResult;
      }
    }
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
    direct,
  };
}
