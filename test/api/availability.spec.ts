import net from 'node:net';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../api/src/core/database';
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
