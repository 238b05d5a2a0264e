import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { withDatabase } from '../../api/src/core/db-url';

const root = path.resolve(__dirname, '../..');

interface JestJson {
  testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
}

describe('the test environment', () => {
  it('fails a test during which pg or Node emits a deprecation warning, and passes the others', async () => {
    const run = await promisify(execFile)(
      process.execPath,
      [require.resolve('jest/bin/jest'), '--config', 'test/fixtures/warnings/jest.config.js', '--json', '--ci'],
      {
        cwd: root,
        env: { ...process.env, FIXTURE_DATABASE_URL: withDatabase(process.env.PATHFORGE_TEST_SERVER_URL!, 'postgres') },
      },
    ).catch((error: { stdout: string }) => error);
    const results = (JSON.parse(run.stdout) as JestJson).testResults.flatMap((file) => file.assertionResults);
    const byTitle = Object.fromEntries(results.map((result) => [result.title, result]));
    expect(byTitle['quiet'].status).toBe('passed');
    expect(byTitle['pg warns'].status).toBe('failed');
    expect(byTitle['pg warns'].failureMessages.join()).toContain('client.query() when the client is already executing a query');
    expect(byTitle['node warns'].status).toBe('failed');
    expect(byTitle['node warns'].failureMessages.join()).toContain('a fixture deprecation');
  });
});
