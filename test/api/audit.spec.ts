import { Role } from '../../api/src/modules/accounts/user.entity';
import { beginAudit } from '../../api/src/modules/audit/audit.subscriber';
import { Employer } from '../../api/src/modules/employers/employer.entity';
import { startTestApi, TestApi } from '../support/api';
import { gid, makeInstitution, makeUser, tokenFor } from '../support/factories';

const LOG = `query($filter: AuditLogFilter) { auditLog(first: 10, filter: $filter) { totalCount nodes { mutation action recordType record role before after } } }`;

describe('audit log', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('records who changed what, with the values before and after, in the same transaction', async () => {
    const created = await api.gql(`mutation { employerCreate(input: { name: "Audited Co", region: "Ohio" }) { employer { id } } }`);
    const id = created.data?.employerCreate.employer.id;
    await api.gql(`mutation($id: ID!) { employerUpdate(input: { id: $id, region: "Iowa" }) { userErrors { code } } }`, { id });
    await api.gql(`mutation($id: ID!) { employerUpdate(input: { id: $id, name: "" }) { userErrors { code } } }`, { id });
    await api.gql(`mutation($id: ID!) { employerDelete(input: { id: $id }) { deletedId } }`, { id });

    const log = await api.gql(LOG, { filter: { recordId: id } });
    const entries = log.data?.auditLog.nodes;
    expect(log.data?.auditLog.totalCount).toBe(3);
    expect(entries.map((e: { mutation: string; action: string }) => `${e.mutation}:${e.action}`)).toEqual([
      'employerDelete:DELETE', 'employerUpdate:UPDATE', 'employerCreate:CREATE',
    ]);
    expect(entries.every((e: { role: string; record: string }) => e.role === 'ADMIN' && e.record === id)).toBe(true);
    expect(entries[1].before).toMatchObject({ name: 'Audited Co', region: 'Ohio' });
    expect(entries[1].after).toMatchObject({ name: 'Audited Co', region: 'Iowa' });
    expect(entries[2].before).toBeNull();
    expect(entries[0].after).toBeNull();
  });

  it('writes the entries of a save of many rows one at a time on the transaction\'s connection', async () => {
    const runner = api.db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      beginAudit(runner, { viewer: { role: Role.ADMIN, userId: null, institutionId: null, employerId: null }, mutation: 'bulk' });
      let running = 0;
      let most = 0;
      const query = runner.query.bind(runner);
      runner.query = (async (...args: Parameters<typeof query>) => {
        running += 1;
        most = Math.max(most, running);
        try {
          return await query(...args);
        } finally {
          running -= 1;
        }
      }) as typeof runner.query;
      const saved = await runner.manager.save(Employer, ['One', 'Two', 'Three', 'Four'].map((name) => runner.manager.create(Employer, { name: `Bulk ${name}`, region: 'Ohio' })));
      expect(most).toBe(1);
      const logged = await runner.manager.query(`SELECT record_id FROM audit_entry WHERE mutation = 'bulk' AND action = 'CREATE' ORDER BY record_id`);
      expect(logged.map((row: { record_id: number }) => row.record_id)).toEqual(saved.map((employer) => employer.id).sort((a, b) => a - b));
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('filters by who, action and a date range, and names the author and their organization', async () => {
    const college = await makeInstitution(api.db, { name: 'Audit Valley College' });
    const staff = await makeUser(api.db, Role.INSTITUTION_STAFF, { email: 'sam.audit@example.test', institutionId: college.id });
    await api.db.query(`UPDATE app_user SET display_name = 'Sam Auditson' WHERE id = $1`, [staff.id]);
    const token = await tokenFor(api, staff.email);
    const started = new Date();
    const created = await api.gql(`mutation($input: DegreeProgramCreateInput!) { degreeProgramCreate(input: $input) { degreeProgram { id } userErrors { message } } }`, {
      input: { institutionId: gid(college), title: 'Audited Nursing', awardLevel: 'ASSOCIATE', totalCredits: 60, residencyCredits: 15, priorLearningCap: 0.5 },
    }, { token });
    const id = created.data?.degreeProgramCreate.degreeProgram?.id;
    expect(created.data?.degreeProgramCreate.userErrors).toEqual([]);
    await api.gql(`mutation($id: ID!) { degreeProgramUpdate(input: { id: $id, title: "Audited Nursing AAS" }) { userErrors { code } } }`, { id }, { token });

    const FILTERED = `query($filter: AuditLogFilter) { auditLog(first: 10, filter: $filter) { totalCount nodes { action recordType record authorName authorOrganization } } }`;
    const mine = await api.gql(FILTERED, { filter: { author: 'AUDITSON' } });
    expect(mine.data?.auditLog.nodes).toEqual([
      { action: 'UPDATE', recordType: 'DegreeProgram', record: id, authorName: 'Sam Auditson', authorOrganization: 'Audit Valley College' },
      { action: 'CREATE', recordType: 'DegreeProgram', record: id, authorName: 'Sam Auditson', authorOrganization: 'Audit Valley College' },
    ]);
    expect((await api.gql(FILTERED, { filter: { author: 'sam.audit@', action: 'CREATE' } })).data?.auditLog.totalCount).toBe(1);
    expect((await api.gql(FILTERED, { filter: { author: 'Auditson', since: new Date(started.getTime() - 60_000).toISOString(), before: new Date(Date.now() + 60_000).toISOString() } })).data?.auditLog.totalCount).toBe(2);
    expect((await api.gql(FILTERED, { filter: { author: 'Auditson', before: started.toISOString() } })).data?.auditLog.totalCount).toBe(0);
    expect((await api.gql(FILTERED, { filter: { author: 'nobody-like-this' } })).data?.auditLog.totalCount).toBe(0);
    expect((await api.gql(FILTERED, { filter: { action: 'ERASE' } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('is closed to the public and, without a record, to everyone but admins', async () => {
    expect((await api.gql(LOG, {}, { token: null })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const college = await makeInstitution(api.db);
    const staff = await makeUser(api.db, Role.INSTITUTION_STAFF, { institutionId: college.id });
    const token = await tokenFor(api, staff.email);
    const refused = await api.gql(LOG, {}, { token });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refused.data).toBeNull();
  });
});
