import { config } from '../../api/src/core/config';
import { assertSecretsConfigured, estimatedBits, weakSecretProblem } from '../../api/src/core/secrets';
import { RunningServer, startServer } from '../../api/src/server';
import { createTestDatabase, TestDatabase } from '../support/db';

const STRONG = 'Qm3vX9pL2rT8wZ5nB7cF1hJ4kD6sG0yA-uE_iO';

describe('secrets', () => {
  it('refuses a secret that is short or predictable, as the probe’s 32 × "a" was', () => {
    expect(weakSecretProblem('AUTH_SECRET', 'a'.repeat(32))).toMatch(/too predictable/);
    expect(weakSecretProblem('AUTH_SECRET', 'abcd'.repeat(8))).toMatch(/too predictable/);
    expect(weakSecretProblem('AUTH_SECRET', 'short')).toMatch(/at least 32 characters/);
    expect(weakSecretProblem('AUTH_SECRET', STRONG)).toBeNull();
    expect(estimatedBits('a'.repeat(32))).toBe(0);
  });

  it('production refuses to start without AUTH_SECRET, or with a weak one', () => {
    const production = config.production;
    const saved = { ...process.env };
    try {
      config.production = true;
      delete process.env.AUTH_SECRET;
      process.env.CREDENTIAL_KEY_SECRET = STRONG;
      expect(() => assertSecretsConfigured()).toThrow('Refusing to start: AUTH_SECRET must be set in production');
      process.env.AUTH_SECRET = 'a'.repeat(32);
      expect(() => assertSecretsConfigured()).toThrow(/Refusing to start: AUTH_SECRET is too predictable/);
      process.env.AUTH_SECRET = STRONG;
      expect(() => assertSecretsConfigured()).not.toThrow();
    } finally {
      config.production = production;
      process.env = saved;
    }
  });

  describe('/readyz', () => {
    let database: TestDatabase;
    let server: RunningServer;
    const production = config.production;
    const saved = { ...process.env };
    beforeAll(async () => {
      database = await createTestDatabase();
      server = await startServer(database.db, 0);
    });
    afterAll(async () => {
      config.production = production;
      process.env = saved;
      await server.stop();
      await database.drop();
    });

    it('answers 503 and names the problem when the secrets are broken, and 200 once they are fixed', async () => {
      const readyz = async () => {
        const response = await fetch(`${server.url}/readyz`);
        return { status: response.status, body: (await response.json()) as Record<string, unknown> };
      };
      expect((await readyz()).status).toBe(200);
      config.production = true;
      delete process.env.AUTH_SECRET;
      process.env.CREDENTIAL_KEY_SECRET = STRONG;
      expect(await readyz()).toEqual({ status: 503, body: expect.objectContaining({ ready: false, database: 'up', configuration: ['AUTH_SECRET must be set in production'] }) });
      process.env.AUTH_SECRET = 'a'.repeat(32);
      expect((await readyz()).body.configuration).toEqual([expect.stringMatching(/AUTH_SECRET is too predictable/)]);
      process.env.AUTH_SECRET = STRONG;
      expect(await readyz()).toEqual({ status: 200, body: { ready: true, database: 'up', migrations: 'current' } });
    });
  });
});
