import { GraphQLSchema } from 'graphql';
import { buildSchema, emitSchemaDefinitionFile, NonEmptyArray } from 'type-graphql';
import path from 'node:path';
import { repoRoot } from '../core/config';
import { moduleResolvers } from '../modules';
import { NodeResolver } from './node.resolver';
import { applyReadGuard } from '../core/access';
import { applyCompiledReads } from '../read/install';
import { resolveTypesAtOnce } from '../core/node';
import './list-bounds';

export const schemaFile = path.join(repoRoot, 'schema.graphql');

const resolvers = [NodeResolver, ...moduleResolvers] as unknown as NonEmptyArray<Function>;

let built: Promise<GraphQLSchema> | undefined;

/** type-graphql builds the root types without a description; the schema describes every element. */
function describeRoots(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query) {
    query.description =
      'What can be read. Without a token only published data is visible, and an anonymous GET of public data may be cached (see the README); lists and their totals count only what the viewer may read.';
  }
  if (mutation) {
    mutation.description =
      'What can be changed; every mutation but login and logout needs a token. Each runs in one transaction: input it refuses comes back as userErrors naming the field, with nothing written.';
  }
  return schema;
}

/** Builds the schema once per process; `emit` writes schema.graphql (sorted, so diffs stay small). */
export function buildPathforgeSchema(options: { emit?: boolean } = {}): Promise<GraphQLSchema> {
  if (options.emit) {
    return buildSchema({ resolvers, validate: false })
      .then(describeRoots)
      .then(async (schema) => {
        await emitSchemaDefinitionFile(schemaFile, schema, { sortedSchema: true });
        return schema;
      })
      .then(applyReadGuard)
      .then(resolveTypesAtOnce);
  }
  built ??= buildSchema({ resolvers, validate: false }).then(describeRoots).then(applyReadGuard).then(resolveTypesAtOnce).then(applyCompiledReads);
  return built;
}

/** The same schema resolved field by field through its resolvers alone, which compiled reads must equal. */
export function buildResolverSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, validate: false }).then(describeRoots).then(applyReadGuard).then(resolveTypesAtOnce);
}
