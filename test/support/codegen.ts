import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../api/src/core/config';

const run = promisify(execFile);

/** Runs GraphQL Code Generator's command line, as a college's build does, over a copy of the example. */
export async function generateInto(directory: string, graphqlUrl: string): Promise<void> {
  const cli = path.join(repoRoot, 'node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js');
  await run(process.execPath, [cli, '--config', path.join(directory, 'codegen.ts')], { cwd: directory, env: { ...process.env, PATHFORGE_GRAPHQL_URL: graphqlUrl } });
}
