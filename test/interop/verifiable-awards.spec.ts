import { decodeJwt, decodeProtectedHeader, importJWK, JWK, SignJWT, compactVerify, generateKeyPair } from 'jose';
import { gunzipSync } from 'node:zlib';
import { Role } from '../../api/src/modules/accounts/user.entity';
import { Credential } from '../../api/src/modules/credentials/credential.entity';
import { Institution } from '../../api/src/modules/institutions/institution.entity';
import { IssuerKey } from '../../api/src/modules/interop/issuer-key.entity';
import { signingKeyOf } from '../../api/src/modules/interop/issuer-keys.service';
import { open } from '../../api/src/modules/interop/key-vault';
import { publicBaseUrl } from '../../api/src/modules/interop/identifiers';
import { startTestApi, TestApi } from '../support/api';
import { editingClient } from '../support/revisions';
import { gid, makeEmployer, makeInstitution, makeUser, tokenFor } from '../support/factories';
import { insertCredential, insertRubric, makeAward, makeLearner } from '../support/factories/articulation';
import { makeEmployerCredential } from '../support/factories/credentials';
import { compileValidatorsFirst, describeWithStandards, errorsOf, openBadgesValidators } from './standards';

const AWARD_CREATE = `mutation($input: AwardCreateInput!) {
  awardCreate(input: $input) { award { id verifiableCredential } userErrors { field code } }
}`;
const AWARD_UPDATE = `mutation($input: AwardUpdateInput!) { awardUpdate(input: $input) { award { verifiableCredential } userErrors { code } } }`;
const AWARD_REVOKE = `mutation($id: ID!) { awardRevoke(input: { id: $id, reason: "Issued in error" }) { award { revoked } userErrors { code } } }`;
const VERIFY = `query($document: JSON!) { verifyCredential(document: $document) { verified checks { check passed message } } }`;
const LEARNER_AWARDS = `query($id: ID!) { node(id: $id) { ... on Learner { awards { id verifiableCredential } } } }`;

type Verification = { verified: boolean; checks: { check: string; passed: boolean; message: string }[] };

const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const failedChecks = (verification: Verification) => verification.checks.filter((c) => !c.passed).map((c) => c.check);

/** The same JWT with its payload re-encoded after `change`; the signature is left as it was. */
function tamper(jwt: string, change: (payload: Record<string, any>) => void): string {
  const [header, payload, signature] = jwt.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  change(claims);
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}

describe('verifiable awards', () => {
  let api: TestApi;
  let college: Institution;
  let otherCollege: Institution;
  let credential: Credential;
  let learnerId: string;
  let advisorToken: string;
  let otherAdvisorToken: string;

  const issue = async (values: Record<string, unknown> = {}, token = advisorToken) => {
    const result = await editingClient(api)(AWARD_CREATE, { input: { learnerId, credentialId: gid(credential), awardedOn: '2025-05-01', masteryLevel: 2, ...values } }, { token });
    expect(result.data?.awardCreate.userErrors).toEqual([]);
    return result.data!.awardCreate.award as { id: string; verifiableCredential: string };
  };
  const verify = async (document: unknown): Promise<Verification> => {
    const result = await api.gql(VERIFY, { document }, { token: null });
    expect(result.errors).toBeUndefined();
    return result.data!.verifyCredential;
  };

  beforeAll(async () => {
    compileValidatorsFirst();
    api = await startTestApi();
    college = await makeInstitution(api.db, { name: 'Lakeshore College', websiteUrl: 'https://lakeshore.example.edu' });
    otherCollege = await makeInstitution(api.db, { name: 'Hillview College' });
    credential = await insertCredential(api.db, college.id, { title: 'Network Basics', creditValue: 4 });
    await insertRubric(api.db, credential.id, 3);
    const learner = await makeLearner(api.db, college.id, { givenName: 'Ana', familyName: 'Morales', email: 'ana@example.test' });
    learnerId = gid(learner);
    const advisor = await makeUser(api.db, Role.ADVISOR, { institutionId: college.id });
    const otherAdvisor = await makeUser(api.db, Role.ADVISOR, { institutionId: otherCollege.id });
    advisorToken = await tokenFor(api, advisor.email);
    otherAdvisorToken = await tokenFor(api, otherAdvisor.email);
  });
  afterAll(() => api.close());

  it('signs an award as a VC-JWT whose payload is the credential, with the issuer\'s key', async () => {
    const award = await issue();
    const jwt = award.verifiableCredential;
    const header = decodeProtectedHeader(jwt);
    const payload = decodeJwt(jwt) as Record<string, any>;
    const issuerUrl = `${publicBaseUrl()}/ob/issuers/${gid(college)}`;
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(header.kid?.startsWith(`${issuerUrl}#`)).toBe(true);
    expect(payload.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(payload.id).toBe(`${publicBaseUrl()}/credentials/${award.id}`);
    expect(payload.issuer).toMatchObject({ id: issuerUrl, type: ['Profile'], name: 'Lakeshore College' });
    expect([payload.iss, payload.jti, payload.nbf]).toEqual([issuerUrl, payload.id, Date.parse('2025-05-01T00:00:00Z') / 1000]);
    expect(payload.validFrom).toBe('2025-05-01T00:00:00Z');
    const subject = payload.credentialSubject;
    expect(subject.achievement.id).toBe(`${publicBaseUrl()}/ob/achievements/${gid(credential)}`);
    expect(subject.creditsEarned).toBe(4);
    expect(subject.result).toEqual([{ type: ['Result'], resultDescription: `${subject.achievement.id}#mastery`, achievedLevel: `${subject.achievement.id}#mastery-level-2` }]);
    expect(subject.identifier[0]).toMatchObject({ type: 'IdentityObject', identityType: 'emailAddress', hashed: true });
    expect(subject.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(payload.sub).toBe(subject.id);
    expect(JSON.stringify(payload)).not.toContain('ana@example.test');
  });

  describeWithStandards('against the Open Badges 3.0 schema', () => {
    it('validates as a whole AchievementCredential, evidence included', async () => {
      const award = await issue({ evidenceUrl: 'https://portfolio.example.test/ana/network' });
      const payload = decodeJwt(award.verifiableCredential);
      expect(errorsOf(openBadgesValidators().credential, payload)).toEqual([]);
      const { credentialSubject: _dropped, ...withoutSubject } = payload;
      expect(errorsOf(openBadgesValidators().credential, withoutSubject).join()).toContain('credentialSubject');
    });
  });

  it('verifies, for anyone, with every check passed', async () => {
    const { verifiableCredential } = await issue();
    const verification = await verify(verifiableCredential);
    expect(verification.checks.map((c) => [c.check, c.passed])).toEqual([
      ['FORMAT', true], ['SIGNATURE', true], ['ISSUER', true], ['VALIDITY', true], ['REVOCATION', true],
    ]);
    expect(verification.verified).toBe(true);
  });

  it('fails the signature when the document is tampered with', async () => {
    const { verifiableCredential } = await issue({ masteryLevel: 1 });
    const tampered = await verify(tamper(verifiableCredential, (claims) => { claims.credentialSubject.creditsEarned = 40; }));
    expect(tampered.verified).toBe(false);
    expect(failedChecks(tampered)).toEqual(['SIGNATURE']);
  });

  it('fails the issuer check when another issuer\'s key signed it, and the signature when a foreign key did', async () => {
    const { verifiableCredential } = await issue();
    const claims = decodeJwt(verifiableCredential);
    const otherLearner = await makeLearner(api.db, otherCollege.id);
    const otherCredential = await insertCredential(api.db, otherCollege.id);
    const otherAward = await editingClient(api)(AWARD_CREATE, { input: { learnerId: gid(otherLearner), credentialId: gid(otherCredential), awardedOn: '2025-01-01' } }, { token: otherAdvisorToken });
    const otherKid = decodeProtectedHeader(otherAward.data!.awardCreate.award.verifiableCredential).kid!;
    const otherKey = await api.db.getRepository(IssuerKey).findOneByOrFail({ institutionId: otherCollege.id, algorithm: 'RS256' });
    const signedByOther = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: otherKid }).sign(await signingKeyOf(otherKey));
    const wrongIssuer = await verify(signedByOther);
    expect(failedChecks(wrongIssuer)).toEqual(['ISSUER', 'REVOCATION']);

    const { privateKey } = await generateKeyPair('RS256');
    const kid = decodeProtectedHeader(verifiableCredential).kid!;
    const forged = await verify(await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(privateKey));
    expect(failedChecks(forged)).toEqual(['SIGNATURE', 'REVOCATION']);
  });

  it('fails once the award is revoked', async () => {
    const award = await issue();
    expect((await verify(award.verifiableCredential)).verified).toBe(true);
    expect((await api.gql(AWARD_REVOKE, { id: award.id }, { token: advisorToken })).data!.awardRevoke.award.revoked).toBe(true);
    const revoked = await verify(award.verifiableCredential);
    expect(revoked.verified).toBe(false);
    expect(failedChecks(revoked)).toEqual(['REVOCATION']);
  });

  it('publishes revocations in the issuer\'s signed Bitstring Status List, at the index the credential names', async () => {
    const kept = await issue();
    const revoked = await issue();
    await api.gql(AWARD_REVOKE, { id: revoked.id }, { token: advisorToken });
    const entryOf = (jwt: string) => (decodeJwt(jwt) as any).credentialStatus;
    expect(entryOf(revoked.verifiableCredential)).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation' });
    const listUrl = entryOf(revoked.verifiableCredential).statusListCredential as string;
    expect(listUrl).toBe(`${publicBaseUrl()}/ob/issuers/${gid(college)}/status`);

    const response = await fetch(`${api.url}${new URL(listUrl).pathname}`);
    expect(response.headers.get('content-type')).toContain('application/vc+jwt');
    const list = await response.text();
    const profile = (await (await fetch(`${api.url}/ob/issuers/${gid(college)}`)).json()) as { verificationMethod: { id: string; publicKeyJwk: JWK }[] };
    const method = profile.verificationMethod.find((m) => m.id === decodeProtectedHeader(list).kid)!;
    const { payload } = await compactVerify(list, await importJWK(method.publicKeyJwk, method.publicKeyJwk.alg));
    const subject = JSON.parse(new TextDecoder().decode(payload)).credentialSubject;
    expect(subject).toMatchObject({ type: 'BitstringStatusList', statusPurpose: 'revocation' });
    const bits = gunzipSync(Buffer.from(subject.encodedList.slice(1), 'base64url'));
    expect(bits.length).toBeGreaterThanOrEqual(131_072 / 8);
    const bitAt = (index: number) => (bits[index >> 3] >> (7 - (index & 7))) & 1;
    expect(bitAt(Number(entryOf(revoked.verifiableCredential).statusListIndex))).toBe(1);
    expect(bitAt(Number(entryOf(kept.verifiableCredential).statusListIndex))).toBe(0);
  });

  it('is not valid before the award date', async () => {
    const award = await issue({ awardedOn: daysFromToday(3), planned: true });
    const early = await verify(award.verifiableCredential);
    expect(failedChecks(early)).toEqual(['VALIDITY']);
  });

  it('re-issues when the award changes: the new credential verifies and the old one is superseded', async () => {
    const award = await issue({ masteryLevel: 1 });
    const updated = await api.gql(AWARD_UPDATE, { input: { id: award.id, masteryLevel: 3 } }, { token: advisorToken });
    const renewed = updated.data!.awardUpdate.award.verifiableCredential as string;
    expect((decodeJwt(renewed) as any).credentialSubject.result[0].achievedLevel).toMatch(/#mastery-level-3$/);
    expect((await verify(renewed)).verified).toBe(true);
    expect(failedChecks(await verify(award.verifiableCredential))).toEqual(['REVOCATION']);
  });

  it('refuses documents that are not VC-JWTs', async () => {
    for (const document of [{ type: ['VerifiableCredential'] }, 'not.a.jwt', 42]) {
      const verification = await verify(document);
      expect(verification.verified).toBe(false);
      expect(verification.checks.every((c) => !c.passed)).toBe(true);
      expect(verification.checks[0].check).toBe('FORMAT');
    }
  });

  it('signs awards recorded before signing on first request, through Learner.awards', async () => {
    const learner = await makeLearner(api.db, college.id);
    await makeAward(api.db, learner.id, credential.id, { awardedOn: '2024-03-01', masteryLevel: 1 });
    const first = await api.gql(LEARNER_AWARDS, { id: gid(learner) }, { token: advisorToken });
    const [award] = first.data!.node.awards;
    expect((await verify(award.verifiableCredential)).verified).toBe(true);
    const second = await api.gql(LEARNER_AWARDS, { id: gid(learner) }, { token: advisorToken });
    expect(second.data!.node.awards[0].verifiableCredential).toBe(award.verifiableCredential);
  });

  it('signs an employer\'s credential with the employer\'s own key', async () => {
    const employer = await makeEmployer(api.db, { name: 'Brightline IT' });
    const employerCredential = await makeEmployerCredential(api.db, employer.id, { title: 'Brightline Field Tech' });
    const result = await editingClient(api)(AWARD_CREATE, { input: { learnerId, credentialId: gid(employerCredential), awardedOn: '2025-02-01' } });
    const jwt = result.data!.awardCreate.award.verifiableCredential;
    expect(decodeProtectedHeader(jwt).kid).toContain(`/ob/issuers/${gid(employer)}#`);
    expect((await verify(jwt)).verified).toBe(true);
  });

  describe('issuer keys', () => {
    it('are one current key per issuer and algorithm, made once even when the first awards are issued at the same time', async () => {
      const college3 = await makeInstitution(api.db);
      // Three learners: one learner's awards are added one at a time, each based on the record's revision.
      const learners = await Promise.all([1, 2, 3].map((n) => makeLearner(api.db, college3.id, { email: `parallel-${n}@keys.test` })));
      const credentials = await Promise.all([1, 2, 3].map((n) => insertCredential(api.db, college3.id, { title: `Parallel ${n}` })));
      const results = await Promise.all(credentials.map((c, n) =>
        editingClient(api)(AWARD_CREATE, { input: { learnerId: gid(learners[n]), credentialId: gid(c), awardedOn: '2025-01-01' } })));
      const kids = results.map((r) => decodeProtectedHeader(r.data!.awardCreate.award.verifiableCredential).kid);
      expect(new Set(kids).size).toBe(1);
      expect(await api.db.getRepository(IssuerKey).countBy({ institutionId: college3.id, algorithm: 'RS256' })).toBe(1);
    });

    it('are stored encrypted, bound to their issuer', async () => {
      await issue();
      const key = await api.db.getRepository(IssuerKey).findOneByOrFail({ institutionId: college.id, algorithm: 'RS256' });
      const stored = key.encryptedPrivateKey;
      const privateJwk = JSON.parse(open(stored, `Institution:${college.id}`)) as JWK;
      expect(privateJwk.n).toBe(key.publicJwk.n);
      expect(stored.includes(Buffer.from(privateJwk.d!, 'utf8'))).toBe(false);
      expect(stored.includes(Buffer.from(privateJwk.d!, 'base64url'))).toBe(false);
      expect(stored.toString('utf8')).not.toContain('"d"');
      expect(() => open(stored, `Institution:${otherCollege.id}`)).toThrow();
    });

    it('are published at the issuer\'s profile URL, where a verifier can check a signature without us', async () => {
      const { verifiableCredential } = await issue();
      const { kid } = decodeProtectedHeader(verifiableCredential);
      const profile = (await (await fetch(`${api.url}/ob/issuers/${gid(college)}`)).json()) as { verificationMethod: { id: string; publicKeyJwk: JWK }[] };
      expect(profile).toMatchObject({ id: `${publicBaseUrl()}/ob/issuers/${gid(college)}`, type: ['Profile'], name: 'Lakeshore College' });
      const method = profile.verificationMethod.find((m) => m.id === kid)!;
      expect(method.publicKeyJwk.d).toBeUndefined();
      await expect(compactVerify(verifiableCredential, await importJWK(method.publicKeyJwk, 'RS256'))).resolves.toBeDefined();
    });
  });

  describe('GET /credentials/:id', () => {
    it('serves the award\'s VC-JWT to those who may read the award, and no one else', async () => {
      const award = await issue();
      const url = `${api.url}/credentials/${award.id}`;
      const allowed = await fetch(url, { headers: { authorization: `Bearer ${advisorToken}` } });
      expect(allowed.status).toBe(200);
      expect(allowed.headers.get('content-type')).toContain('application/vc+jwt');
      expect(await allowed.text()).toBe(award.verifiableCredential);
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: `Bearer ${otherAdvisorToken}` } })).status).toBe(403);
    });
  });
});
