import fs from 'node:fs';
import { Client } from 'pg';
import { EmbeddedDatabase } from '../../api/src/core/embedded';
import { withDatabase } from '../../api/src/core/db-url';
import { templateName } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as { __PATHFORGE_PG__?: { embedded: EmbeddedDatabase; dataDir: string } }).__PATHFORGE_PG__;
  if (state) {
    await state.embedded.stop();
    fs.rmSync(state.dataDir, { recursive: true, force: true });
    return;
  }
  const admin = new Client({ connectionString: withDatabase(process.env.PATHFORGE_TEST_SERVER_URL!, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateName()} WITH (FORCE)`);
  await admin.end();
}
