import net from 'node:net';
import { DataSource } from 'typeorm';
import { isDatabaseUnavailable, isPoolWait } from '../../api/src/core/availability';
import { createDataSource } from '../../api/src/core/database';
import { createTestDatabase, TestDatabase } from '../support/db';

/** How long `work` takes to fail, and with what. */
async function failure(work: () => Promise<unknown>): Promise<{ error: unknown; millis: number }> {
  const start = performance.now();
  try {
    await work();
  } catch (error) {
    return { error, millis: performance.now() - start };
  }
  throw new Error('expected a failure');
}

/** A TCP proxy to PostgreSQL that can stop answering: it then accepts connections and never replies. */
class SilentableProxy {
  silent = false;
  private readonly sockets = new Set<net.Socket>();
  private readonly server = net.createServer((socket) => {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => {});
    if (this.silent) return;
    const upstream = net.connect(Number(this.target.port), this.target.hostname);
    this.sockets.add(upstream);
    upstream.on('close', () => this.sockets.delete(upstream));
    upstream.on('error', () => socket.destroy());
    socket.on('close', () => upstream.destroy());
    upstream.on('close', () => socket.destroy());
    socket.pipe(upstream).pipe(socket);
  });

  constructor(private readonly target: URL) {}

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const url = new URL(this.target.toString());
    url.hostname = '127.0.0.1';
    url.port = String((this.server.address() as net.AddressInfo).port);
    return url.toString();
  }

  cutAll(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  async close(): Promise<void> {
    this.cutAll();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

describe('the connect timeout and the pool wait', () => {
  let database: TestDatabase;
  let db: DataSource | null = null;
  let proxy: SilentableProxy | null = null;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    if (db?.isInitialized) await db.destroy();
    await proxy?.close();
    db = null;
    proxy = null;
  });
  afterAll(() => database.drop());

  it('a full pool of a healthy server fails after the pool wait as busy, however long a connect may take', async () => {
    db = createDataSource({ url: database.url, poolSize: 1, poolWaitTimeoutMs: 200, connectTimeoutMs: 20000 });
    await db.initialize();
    const holder = db.createQueryRunner();
    await holder.connect();
    try {
      const { error, millis } = await failure(() => db!.query('SELECT 1'));
      expect(isPoolWait(error)).toBe(true);
      expect(isDatabaseUnavailable(error)).toBe(false);
      expect(millis).toBeGreaterThanOrEqual(150);
      expect(millis).toBeLessThan(1500);
    } finally {
      await holder.release();
    }
  });

  it('a server that stops answering fails after the connect timeout as unavailable, however long the pool wait', async () => {
    proxy = new SilentableProxy(new URL(database.url));
    db = createDataSource({ url: await proxy.listen(), poolSize: 1, poolWaitTimeoutMs: 20000, connectTimeoutMs: 300 });
    await db.initialize();
    expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    proxy.silent = true;
    proxy.cutAll();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { error, millis } = await failure(() => db!.query('SELECT 1'));
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isPoolWait(error)).toBe(false);
    expect(millis).toBeGreaterThanOrEqual(250);
    expect(millis).toBeLessThan(1500);
  });
});
