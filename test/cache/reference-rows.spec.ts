import { createContext } from '../../api/src/core/context';
import { createDataSource } from '../../api/src/core/database';
import { ReferenceRows } from '../../api/src/core/reference-rows';
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
