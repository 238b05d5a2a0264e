import net from 'node:net';
import { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource, ReplicaChoice } from '../../api/src/core/database';
import { freePort } from '../../api/src/core/db-url';
import { issueToken } from '../../api/src/modules/accounts/auth.service';
import { Role, User } from '../../api/src/modules/accounts/user.entity';
import { RunningServer, startServer } from '../../api/src/server';
import { createTestDatabase, TestDatabase } from '../support/db';

/** A TCP relay in front of PostgreSQL that the test can cut and restore, as a network failure would. */
class Relay {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();

  constructor(readonly port: number, private readonly target: number) {}

  async open(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target, '127.0.0.1');
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  async cut(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}

describe('when PostgreSQL goes away', () => {
  let database: TestDatabase;
  let relay: Relay;
  let db: DataSource;
  let server: RunningServer;
  let token: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const target = new URL(database.url);
    relay = new Relay(await freePort(), Number(target.port));
    await relay.open();
    target.port = String(relay.port);
    db = createDataSource({ url: target.toString(), poolSize: 3 });
    await db.initialize();
    const admin = await db.getRepository(User).save({ email: 'admin@relay.test', displayName: 'Admin', role: Role.ADMIN, passwordHash: 'unused' });
    token = (await issueToken(admin)).token;
    server = await startServer(db, 0);
  });
  afterAll(async () => {
    await server.stop();
    await relay.cut();
    await db.destroy().catch(() => undefined);
    await database.drop();
  });

  const gql = async (query: string) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data?: Record<string, any>; errors?: { message: string; extensions?: { code?: string } }[] };
  };
  const ready = async () => {
    const response = await fetch(`${server.url}/readyz`);
    return { status: response.status, body: await response.json() };
  };

  it('fails fast with DATABASE_UNAVAILABLE, says so on /readyz, writes nothing, and recovers without a restart', async () => {
    expect(await ready()).toEqual({ status: 200, body: { ready: true, database: 'up', migrations: 'current' } });
    expect((await gql(`{ employers { totalCount } }`)).data?.employers.totalCount).toBe(0);

    await relay.cut();
    const started = Date.now();
    const read = await gql(`{ employers { totalCount } }`);
    expect(read.errors?.[0]).toEqual({ message: 'The database is unavailable: try again shortly', extensions: { code: 'DATABASE_UNAVAILABLE' } });
    const write = await gql(`mutation { employerCreate(input: { name: "Written while down" }) { employer { id } userErrors { code } } }`);
    expect(write.errors?.[0].extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(10000);
    expect((await ready()).body).toEqual({ ready: false, database: 'down', migrations: 'unknown' });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    await relay.open();
    let recovered = false;
    for (let attempt = 0; attempt < 20 && !recovered; attempt += 1) {
      recovered = (await ready()).status === 200;
      if (!recovered) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(recovered).toBe(true);
    const after = await gql(`{ employers { totalCount } }`);
    expect(after.data?.employers.totalCount).toBe(0);
  });
});

/**
 * Which server a read goes to when replicas are configured, with real pools: each "replica" here
 * is a pool on the test database under its own application_name (so the answer says which one
 * served it), one of them behind a relay the test cuts and restores.
 */
describe('choosing a replica for a read', () => {
  const RETRY_MS = 300;
  let database: TestDatabase;
  let relay: Relay;
  const pools: Pool[] = [];
  const idleErrors: Error[] = [];

  const pool = (name: string, options: { port?: number; max?: number } = {}) => {
    const url = new URL(database.url);
    if (options.port) url.port = String(options.port);
    const created = new Pool({ connectionString: url.toString(), application_name: name, max: options.max ?? 2, connectionTimeoutMillis: 500 });
    // pg-pool's end() resolves before its idle clients have closed, so dropping the database can
    // still terminate one: a pool re-emits that, and with no listener it would throw. An idle
    // client's error during a test fails it (afterEach); one at teardown is expected.
    created.on('error', (error) => idleErrors.push(error));
    pools.push(created);
    return created;
  };
  const primary = () => {
    const main = pools[0];
    return main.connect().then((client): [PoolClient, Function] => [client, (error?: Error) => client.release(error)]);
  };
  /** Which pool served a read, by its application_name. */
  const servedBy = async (choice: ReplicaChoice) => {
    const [client, release] = await choice.connection();
    try {
      return (await client.query<{ name: string }>(`SELECT current_setting('application_name') AS name`)).rows[0].name;
    } finally {
      release();
    }
  };
  const tally = async (choice: ReplicaChoice, reads = 20) => {
    const seen: Record<string, number> = {};
    for (let n = 0; n < reads; n += 1) {
      const name = await servedBy(choice);
      seen[name] = (seen[name] ?? 0) + 1;
    }
    return seen;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    relay = new Relay(await freePort(), Number(new URL(database.url).port));
    pool('primary');
  });
  afterEach(() => expect(idleErrors).toEqual([]));
  afterAll(async () => {
    await relay.cut();
    await Promise.all(pools.map((each) => each.end().catch(() => undefined)));
    await database.drop();
  });

  it('passes over a replica it cannot reach, goes to the primary when none can be reached, and tries the replica again after a while', async () => {
    const reachable = pool('replica-up');
    const behindRelay = pool('replica-relayed', { port: relay.port });
    expect(await tally(new ReplicaChoice([reachable, behindRelay], RETRY_MS, primary))).toEqual({ 'replica-up': 20 });
    expect(await tally(new ReplicaChoice([behindRelay], RETRY_MS, primary))).toEqual({ primary: 20 });

    const choice = new ReplicaChoice([behindRelay], RETRY_MS, primary);
    expect(await servedBy(choice)).toBe('primary');
    await relay.open();
    // Still passed over until the while is up: no connection is tried, though one would succeed now.
    expect(await servedBy(choice)).toBe('primary');
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS + 50));
    expect(await tally(choice, 5)).toEqual({ 'replica-relayed': 5 });
  });

  it('sends a read elsewhere while a replica\'s pool is full, without passing the replica over', async () => {
    const busy = pool('replica-busy', { max: 1 });
    const held = await busy.connect();
    const choice = new ReplicaChoice([busy], RETRY_MS, primary);
    expect(await servedBy(choice)).toBe('primary');
    held.release();
    // Busy is not down: the next read goes back to it at once.
    expect(await servedBy(choice)).toBe('replica-busy');
  });
});

describe('when every connection of the pool is in use', () => {
  let database: TestDatabase;
  let db: DataSource;
  let server: RunningServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDataSource({ url: database.url, poolSize: 1 });
    await db.initialize();
    server = await startServer(db, 0);
  });
  afterAll(async () => {
    await server.stop();
    await db.destroy();
    await database.drop();
  });

  it('answers DATABASE_BUSY, not DATABASE_UNAVAILABLE, stays ready, and serves again once a connection is free', async () => {
    const read = () =>
      fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ employers { totalCount } }' }) })
        .then((response) => response.json() as Promise<{ data?: any; errors?: { message: string; extensions?: { code?: string } }[] }>);
    const readyz = () => fetch(`${server.url}/readyz`).then(async (response) => ({ status: response.status, body: await response.json() }));

    const holder = db.createQueryRunner();
    await holder.connect();
    try {
      const busy = await read();
      expect(busy.errors).toEqual([{ message: 'The database is busy: try again shortly', extensions: { code: 'DATABASE_BUSY' } }]);
      expect(await readyz()).toEqual({ status: 200, body: { ready: true, database: 'busy', migrations: 'unknown' } });
    } finally {
      await holder.release();
    }
    expect((await read()).data).toEqual({ employers: { totalCount: 0 } });
    expect(await readyz()).toEqual({ status: 200, body: { ready: true, database: 'up', migrations: 'current' } });
  });
});
