import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types and persisted documents for the operations in src/, generated from a running API's
 * introspection: `npx graphql-codegen --config examples/college-site/codegen.ts` with the API up
 * (PATHFORGE_GRAPHQL_URL, default http://localhost:4000/graphql).
 */
export function collegeSiteCodegen(schemaUrl = process.env.PATHFORGE_GRAPHQL_URL ?? 'http://localhost:4000/graphql'): CodegenConfig {
  return {
    schema: schemaUrl,
    documents: [`${__dirname}/src/operations.ts`],
    generates: {
      [`${__dirname}/src/gql/`]: {
        preset: 'client',
        presetConfig: { fragmentMasking: false, persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' } },
        config: { enumsAsTypes: true, useTypeImports: true, scalars: { Date: 'string', DateTimeISO: 'string', UUID: 'string', JSON: 'unknown', JSONObject: 'Record<string, unknown>' } },
      },
    },
    silent: true,
  };
}

export default collegeSiteCodegen();
