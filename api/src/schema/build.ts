import { GraphQLSchema } from 'graphql';
import { buildSchema, NonEmptyArray } from 'type-graphql';
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

/** Builds the schema once per process; `emit` writes schema.graphql (sorted, so diffs stay small). */
export function buildPathforgeSchema(options: { emit?: boolean } = {}): Promise<GraphQLSchema> {
  if (options.emit) {
    return buildSchema({ resolvers, validate: false, emitSchemaFile: { path: schemaFile, sortedSchema: true } }).then(applyReadGuard).then(resolveTypesAtOnce);
  }
  built ??= buildSchema({ resolvers, validate: false }).then(applyReadGuard).then(resolveTypesAtOnce).then(applyCompiledReads);
  return built;
}

/** The same schema resolved field by field through its resolvers alone, which compiled reads must equal. */
export function buildResolverSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, validate: false }).then(applyReadGuard).then(resolveTypesAtOnce);
}
