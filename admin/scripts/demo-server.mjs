import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/**
 * The built API with the demo data on a port of its own, with its own embedded PostgreSQL in
 * `.data/<name>` (filled with the demo data the first time), so a running `npm start` is left alone.
 * With CONSOLE_URL set, that server is used instead and nothing is started.
 */
export async function startDemoServer(name) {
  if (process.env.CONSOLE_URL) return { url: process.env.CONSOLE_URL.replace(/\/$/, ''), stop: async () => {} };
  const port = await freePort();
  // As root, embedded PostgreSQL runs as the postgres user, which must pass through .data to its folder.
  const data = path.join(repoRoot, '.data');
  fs.mkdirSync(data, { recursive: true });
  if (process.getuid?.() === 0) fs.chmodSync(data, fs.statSync(data).mode | 0o111);
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist', 'api', 'src', 'main.js')], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), PATHFORGE_DATA_DIR: path.join(repoRoot, '.data', name), NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = `http://localhost:${port}`;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The API stopped while starting (exit ${child.exitCode})`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error('The API did not become ready within 3 minutes');
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export const DEMO_PASSWORD = 'demo-password';
