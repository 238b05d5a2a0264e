import { createContext } from '../../api/src/core/context';
import { createDataSource } from '../../api/src/core/database';
import { referenceRows, ReferenceRows } from '../../api/src/core/reference-rows';
import { Credential } from '../../api/src/modules/credentials/credential.entity';
import { startTestApi, TestApi } from '../support/api';
import { makeProgram } from '../support/factories/articulation';
import { makePublishedCredential } from '../support/factories/credentials';
import { gid, makeInstitution } from '../support/factories';

const CREDENTIAL = `query($id: ID!) { credential(id: $id) { title } }`;
const PROGRAM = `query($id: ID!) { degreeProgram(id: $id) { title } }`;

/**
 * Credentials, occupations, employers, institutions and degree programs are held once per process
 * and shared by every request. These prove the copy is one copy, costs no statement, and is never
 * stale: SQL from anywhere reaches it through the triggers' notification, the API's own writes at
 * once, and nothing is kept while the notifications cannot be heard.
 */
describe('reference rows shared by every request of a process', () => {
  let api: TestApi;
  let institutionId: number;

  /** A notification arrives on its own connection a moment after the commit: wait for it, within reason. */
  const eventually = async (query: string, id: string, field: 'credential' | 'degreeProgram', expected: string) => {
    const deadline = Date.now() + 5000;
    let seen = (await api.gql(query, { id })).data?.[field]?.title;
    while (seen !== expected && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      seen = (await api.gql(query, { id })).data?.[field]?.title;
    }
    return seen;
  };

  beforeAll(async () => {
    api = await startTestApi();
    institutionId = (await makeInstitution(api.db)).id;
  });
  afterAll(() => api.close());

  it('reads a row with no statement the second time, and two requests share one object', async () => {
    const credential = await makePublishedCredential(api.db, institutionId, { title: 'Shared once' });
    // Start cold: the background warm-up may have read it already.
    await api.forgetCaches();
    const first = await api.gql(CREDENTIAL, { id: gid(credential) });
    const second = await api.gql(CREDENTIAL, { id: gid(credential) });
    expect(first.data?.credential.title).toBe('Shared once');
    expect(second.data?.credential.title).toBe('Shared once');
    expect(second.statements).toBeLessThan(first.statements);
    expect(second.statements).toBe(0);

    const one = await createContext(api.db).loaders.byId(Credential).load(credential.id);
    const other = await createContext(api.db).loaders.byId(Credential).load(credential.id);
    expect(one).toBeInstanceOf(Credential);
    expect(other).toBe(one);
  });

  it('reads every table in the background from the start', async () => {
    const credentials = await Promise.all([1, 2, 3].map((n) => makePublishedCredential(api.db, institutionId, { title: `Warmed ${n}` })));
    const program = await makeProgram(api.db, institutionId, { title: 'Warmed program' });
    // Listening again starts a warm-up: every row, whether or not anyone asked for it.
    await api.db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'pathforge-reference-rows' AND datname = current_database()`);
    const [{ count }] = await api.db.query(
      `SELECT ((SELECT count(*) FROM credential) + (SELECT count(*) FROM degree_program) + (SELECT count(*) FROM institution)
              + (SELECT count(*) FROM employer) + (SELECT count(*) FROM occupation))::int AS count`,
    );
    const deadline = Date.now() + 15000;
    while (referenceRows(api.db).size < count && Date.now() < deadline) {
      // Reconnects only on demand, at most every few seconds.
      await referenceRows(api.db).byIds(Credential, []);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(referenceRows(api.db).size).toBe(count);
    const never = await api.gql(`query($a: ID!, $b: ID!, $c: ID!, $p: ID!) {
      a: credential(id: $a) { title } b: credential(id: $b) { title } c: credential(id: $c) { title } p: degreeProgram(id: $p) { title } }`, {
      a: gid(credentials[0]), b: gid(credentials[1]), c: gid(credentials[2]), p: gid(program),
    });
    expect(never.data).toEqual({ a: { title: 'Warmed 1' }, b: { title: 'Warmed 2' }, c: { title: 'Warmed 3' }, p: { title: 'Warmed program' } });
    expect(never.statements).toBe(0);
  });

  it('drops just the rows an update names, and keeps the others', async () => {
    const [renamed, kept] = await Promise.all(['To rename', 'To keep'].map((title) => makePublishedCredential(api.db, institutionId, { title })));
    const both = `query($a: ID!, $b: ID!) { a: credential(id: $a) { title } b: credential(id: $b) { title } }`;
    await api.gql(both, { a: gid(renamed), b: gid(kept) });
    await api.db.query(`UPDATE credential SET title = 'Renamed' WHERE id = $1`, [renamed.id]);
    expect(await eventually(CREDENTIAL, gid(renamed), 'credential', 'Renamed')).toBe('Renamed');
    // The one read again after the notification is cached again; the other never left.
    const after = await api.gql(both, { a: gid(renamed), b: gid(kept) });
    expect(after.data).toEqual({ a: { title: 'Renamed' }, b: { title: 'To keep' } });
    expect(after.statements).toBe(0);
  });

  it('hears every change committed before a sync, and a mutation leaves the rows it did not touch', async () => {
    const [changed, untouched] = await Promise.all(['Before the sync', 'Untouched'].map((title) => makePublishedCredential(api.db, institutionId, { title })));
    const rows = referenceRows(api.db);
    await rows.byIds<Credential>(Credential, [changed.id, untouched.id]);
    await api.db.query(`UPDATE credential SET title = 'After the sync' WHERE id = $1`, [changed.id]);
    await rows.sync();
    // Heard: the changed row is read again (one statement), the other is still held.
    const read = await api.gql(`query($a: ID!, $b: ID!) { a: credential(id: $a) { title } b: credential(id: $b) { title } }`, { a: gid(changed), b: gid(untouched) });
    expect(read.data).toEqual({ a: { title: 'After the sync' }, b: { title: 'Untouched' } });
    expect(read.statements).toBe(1);

    // An employer's mutation is heard before its payload is read, and the credentials stay.
    const employer = (await api.gql(`mutation { employerCreate(input: { name: "Synced Employer" }) { employer { id } } }`)).data?.employerCreate.employer.id;
    const renamed = await api.gql(`mutation($input: EmployerUpdateInput!) { employerUpdate(input: $input) { employer { name } } }`, { input: { id: employer, name: 'Renamed at once' } });
    expect(renamed.data?.employerUpdate.employer.name).toBe('Renamed at once');
    const after = await api.gql(`query($a: ID!, $e: ID!) { a: credential(id: $a) { title } e: employer(id: $e) { name } }`, { a: gid(untouched), e: employer });
    expect(after.data).toEqual({ a: { title: 'Untouched' }, e: { name: 'Renamed at once' } });
    // Only the employer, which nobody had read yet, costs a statement: the mutations dropped nothing else.
    expect(after.statements).toBe(1);
  });

  it('sees a credential and a degree program changed straight in SQL', async () => {
    const credential = await makePublishedCredential(api.db, institutionId, { title: 'Before SQL' });
    const program = await makeProgram(api.db, institutionId, { title: 'Program before SQL' });
    expect((await api.gql(CREDENTIAL, { id: gid(credential) })).data?.credential.title).toBe('Before SQL');
    expect((await api.gql(PROGRAM, { id: gid(program) })).data?.degreeProgram.title).toBe('Program before SQL');

    await api.db.query(`UPDATE credential SET title = 'After SQL' WHERE id = $1`, [credential.id]);
    await api.db.query(`UPDATE degree_program SET title = 'Program after SQL' WHERE id = $1`, [program.id]);
    expect(await eventually(CREDENTIAL, gid(credential), 'credential', 'After SQL')).toBe('After SQL');
    expect(await eventually(PROGRAM, gid(program), 'degreeProgram', 'Program after SQL')).toBe('Program after SQL');
  });

  it('reads its own mutation at once, and a deleted row is gone', async () => {
    const credential = await makePublishedCredential(api.db, institutionId, { title: 'Before the API' });
    expect((await api.gql(CREDENTIAL, { id: gid(credential) })).data?.credential.title).toBe('Before the API');
    const update = await api.gql(`mutation($input: CredentialUpdateInput!) { credentialUpdate(input: $input) { credential { title } userErrors { message } } }`, {
      input: { id: gid(credential), title: 'After the API' },
    });
    expect(update.data?.credentialUpdate).toEqual({ credential: { title: 'After the API' }, userErrors: [] });
    expect((await api.gql(CREDENTIAL, { id: gid(credential) })).data?.credential.title).toBe('After the API');

    await api.db.query(`DELETE FROM credential WHERE id = $1`, [credential.id]);
    const deadline = Date.now() + 5000;
    let seen = await api.gql(CREDENTIAL, { id: gid(credential) });
    while (seen.data?.credential !== null && Date.now() < deadline) seen = await api.gql(CREDENTIAL, { id: gid(credential) });
    expect(seen.data?.credential).toBeNull();
  });

  it('keeps nothing while it cannot listen, so a change it cannot hear is still seen', async () => {
    const deaf = createDataSource({ url: (api.db.options as { url: string }).url, poolSize: 2, applicationName: 'reference-rows-spec' });
    await deaf.initialize();
    // Its pool is connected already; only the listening connection, made from the options on demand, now fails.
    Object.assign(deaf.options, { url: 'postgres://127.0.0.1:1/nowhere' });
    const rows = new ReferenceRows(deaf);
    try {
      const credential = await makePublishedCredential(api.db, institutionId, { title: 'Heard' });
      expect((await rows.byIds<Credential>(Credential, [credential.id])).get(credential.id)?.title).toBe('Heard');
      await api.db.query(`UPDATE credential SET title = 'Unheard' WHERE id = $1`, [credential.id]);
      expect((await rows.byIds<Credential>(Credential, [credential.id])).get(credential.id)?.title).toBe('Unheard');
      expect(rows.size).toBe(0);
    } finally {
      await rows.close();
      await deaf.destroy();
    }
  });
});
