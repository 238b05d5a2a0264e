import { GraphQLSchema } from 'graphql';
import { buildSchema, NonEmptyArray } from 'type-graphql';
import path from 'node:path';
import { repoRoot } from '../core/config';
import { resolvers as accounts } from '../modules/accounts';
import { resolvers as advising } from '../modules/advising';
import { resolvers as articulation } from '../modules/articulation';
import { resolvers as audit } from '../modules/audit';
import { resolvers as codesign } from '../modules/codesign';
import { resolvers as credentials } from '../modules/credentials';
import { resolvers as employers } from '../modules/employers';
import { resolvers as imports } from '../modules/imports';
import { resolvers as institutions } from '../modules/institutions';
import { resolvers as interop } from '../modules/interop';
import { resolvers as learners } from '../modules/learners';
import { resolvers as occupations } from '../modules/occupations';
import { resolvers as outcomes } from '../modules/outcomes';
import { resolvers as pathways } from '../modules/pathways';
import { resolvers as standards } from '../modules/standards';
import { NodeResolver } from './node.resolver';
import { applyReadGuard } from '../core/access';
import { resolveTypesAtOnce } from '../core/node';
import './list-bounds';

export const schemaFile = path.join(repoRoot, 'schema.graphql');

const resolvers = [
  NodeResolver,
  ...accounts,
  ...audit,
  ...institutions,
  ...employers,
  ...occupations,
  ...standards,
  ...credentials,
  ...pathways,
  ...codesign,
  ...articulation,
  ...learners,
  ...advising,
  ...outcomes,
  ...imports,
  ...interop,
] as unknown as NonEmptyArray<Function>;

let built: Promise<GraphQLSchema> | undefined;

/** Builds the schema once per process; `emit` writes schema.graphql (sorted, so diffs stay small). */
export function buildPathforgeSchema(options: { emit?: boolean } = {}): Promise<GraphQLSchema> {
  if (options.emit) {
    return buildSchema({ resolvers, validate: false, emitSchemaFile: { path: schemaFile, sortedSchema: true } }).then(applyReadGuard).then(resolveTypesAtOnce);
  }
  built ??= buildSchema({ resolvers, validate: false }).then(applyReadGuard).then(resolveTypesAtOnce);
  return built;
}
