import { compactVerify, decodeProtectedHeader, importJWK, JWK } from 'jose';
import { gunzipSync } from 'node:zlib';
import { Role } from '../../api/src/modules/accounts/user.entity';
import { Credential } from '../../api/src/modules/credentials/credential.entity';
import { Institution } from '../../api/src/modules/institutions/institution.entity';
import { publicBaseUrl } from '../../api/src/modules/interop/identifiers';
import { startTestApi, TestApi } from '../support/api';
import { editingClient } from '../support/revisions';
import { gid, makeInstitution, makeUser, tokenFor } from '../support/factories';
import { insertCredential, insertRubric, makeLearner } from '../support/factories/articulation';

/**
 * A verifier that knows nothing of our code: jose, fetch and the published documents only. It
 * discovers the key from the issuer profile named by the `kid`, verifies the signature, then checks
 * each header parameter and claim against Open Badges 3.0 §8.2 (VC-JWT proof format).
 */
const AWARD_CREATE = `mutation($input: AwardCreateInput!) { awardCreate(input: $input) { award { id verifiableCredential } userErrors { code message } } }`;
const AWARD_REVOKE = `mutation($id: ID!) { awardRevoke(input: { id: $id, reason: "Issued in error" }) { userErrors { code } } }`;
const SIGNING_SET = `mutation($input: IssuerSigningSetInput!) { issuerSigningSet(input: $input) { algorithm keyId userErrors { code message } } }`;

type Claims = Record<string, any>;
type Rule = [section: string, what: string, holds: (header: Claims, payload: Claims) => boolean];

/**
 * OB 3.0 §8.2 (JSON Web Token Proof Format) rules, with the subsection and its title that states each:
 * §8.2.3 Create the JOSE Header, §8.2.4.1 JWT Payload Format, §8.2.6.1 Verify a Credential VC-JWT Signature.
 */
const RULES: Rule[] = [
  ['8.2.3 Create the JOSE Header', 'alg is RS256 (the algorithm every verifier supports) or another JWS algorithm the issuer chose', (h) => ['RS256', 'EdDSA'].includes(h.alg)],
  ['8.2.6.1 Verify a Credential VC-JWT Signature', 'validFrom has occurred and the credential has not expired', (_h, p) => Date.parse(p.validFrom) <= Date.now() && (p.exp === undefined || p.exp * 1000 > Date.now())],
  ['8.2.3 Create the JOSE Header', 'typ, when present, is "JWT"', (h) => h.typ === undefined || h.typ === 'JWT'],
  ['8.2.3 Create the JOSE Header', 'kid is a URL of the issuer\'s key (a verification method of its profile)', (h, p) => typeof h.kid === 'string' && h.kid.startsWith(`${p.issuer.id}#`)],
  ['8.2.3 Create the JOSE Header', 'no jwk header (keys are discovered from the issuer)', (h) => h.jwk === undefined],
  ['8.2.3 Create the JOSE Header', 'no JOSE header beyond alg, kid, jwk and typ ("Additional JOSE Headers are NOT allowed")', (h) => Object.keys(h).every((key) => ['alg', 'kid', 'jwk', 'typ'].includes(key))],
  ['8.2.4.1 JWT Payload Format', 'iss is the issuer.id', (_h, p) => p.iss === p.issuer.id],
  ['8.2.4.1 JWT Payload Format', 'jti is the credential id', (_h, p) => typeof p.id === 'string' && p.jti === p.id],
  ['8.2.4.1 JWT Payload Format', 'nbf is validFrom in seconds', (_h, p) => p.nbf === Date.parse(p.validFrom) / 1000],
  ['8.2.4.1 JWT Payload Format', 'sub is credentialSubject.id', (_h, p) => typeof p.sub === 'string' && p.sub === p.credentialSubject.id],
  ['8.2.4.1 JWT Payload Format', 'exp only with validUntil, and then equal', (_h, p) =>
    p.exp === undefined ? p.validUntil === undefined : p.exp === Date.parse(p.validUntil) / 1000],
  ['8.2.4.1 JWT Payload Format', 'the payload is the credential: its @context, type and proof-less body', (_h, p) =>
    p['@context'][0] === 'https://www.w3.org/ns/credentials/v2' && p.type.includes('OpenBadgeCredential') && p.proof === undefined],
];

describe('awards through an independent Open Badges 3.0 verifier (jose only)', () => {
  let api: TestApi;
  let college: Institution;
  let credential: Credential;
  let token: string;

  /** Our URLs are under PUBLIC_BASE_URL; the test server answers them on its own port. */
  const fetchPublished = (url: string) => fetch(`${api.url}${new URL(url).pathname}`);

  async function verifyIndependently(jwt: string): Promise<{ header: Claims; payload: Claims }> {
    const header = decodeProtectedHeader(jwt) as Claims;
    const profileUrl = String(header.kid).split('#')[0];
    const profile = (await (await fetchPublished(profileUrl)).json()) as { verificationMethod: { id: string; publicKeyJwk: JWK }[] };
    const method = profile.verificationMethod.find((m) => m.id === header.kid);
    if (!method) throw new Error(`kid ${header.kid} is not in the issuer profile`);
    const { payload } = await compactVerify(jwt, await importJWK(method.publicKeyJwk, header.alg), { algorithms: [header.alg] });
    return { header, payload: JSON.parse(new TextDecoder().decode(payload)) };
  }

  async function statusBit(entry: Claims): Promise<number> {
    const list = await (await fetchPublished(entry.statusListCredential)).text();
    const { payload } = await verifyIndependently(list);
    const bits = gunzipSync(Buffer.from(payload.credentialSubject.encodedList.slice(1), 'base64url'));
    const index = Number(entry.statusListIndex);
    return (bits[index >> 3] >> (7 - (index & 7))) & 1;
  }

  const issue = async (learnerId: string, awardedOn = '2025-04-01') => {
    const result = await editingClient(api)(AWARD_CREATE, { input: { learnerId, credentialId: gid(credential), awardedOn, masteryLevel: 1 } }, { token });
    expect(result.data?.awardCreate.userErrors).toEqual([]);
    return result.data!.awardCreate.award as { id: string; verifiableCredential: string };
  };

  beforeAll(async () => {
    api = await startTestApi();
    college = await makeInstitution(api.db, { name: 'Riverbend College' });
    credential = await insertCredential(api.db, college.id, { title: 'Cabling' });
    await insertRubric(api.db, credential.id, 2);
    const staff = await makeUser(api.db, Role.INSTITUTION_STAFF, { institutionId: college.id });
    token = await tokenFor(api, staff.email);
  });
  afterAll(() => api.close());

  it.each(['RS256', 'EdDSA'])('verifies every award signed with %s, and every rule of §8.2 holds', async (algorithm) => {
    const set = await api.gql(SIGNING_SET, { input: { issuerId: gid(college), algorithm } }, { token });
    expect(set.data!.issuerSigningSet).toMatchObject({ algorithm, userErrors: [] });
    const learners = await Promise.all([1, 2, 3].map((n) => makeLearner(api.db, college.id, { email: `l${n}-${algorithm}@example.test` })));
    const awards = [];
    for (const learner of learners) awards.push(await issue(gid(learner)), await issue(gid(learner), '2025-05-02'));
    for (const award of awards) {
      const { header, payload } = await verifyIndependently(award.verifiableCredential);
      expect(header.alg).toBe(algorithm);
      const broken = RULES.filter(([, , holds]) => !holds(header, payload)).map(([section, what]) => `§${section} ${what}`);
      expect(broken).toEqual([]);
      expect(await statusBit(payload.credentialStatus)).toBe(0);
    }
  });

  it('gives a learner one subject id per issuer, shared by their awards and never derived from their email', async () => {
    const ana = await makeLearner(api.db, college.id, { email: 'ana.subject@example.test' });
    const ben = await makeLearner(api.db, college.id, { email: 'ben.subject@example.test' });
    const [a1, a2, b1] = [await issue(gid(ana)), await issue(gid(ana)), await issue(gid(ben))];
    const subOf = async (award: { verifiableCredential: string }) => (await verifyIndependently(award.verifiableCredential)).payload.sub;
    expect(await subOf(a1)).toBe(await subOf(a2));
    expect(await subOf(b1)).not.toBe(await subOf(a1));
    expect(await subOf(a1)).toMatch(/^urn:uuid:/);
    expect(JSON.stringify((await verifyIndependently(a1.verifiableCredential)).payload)).not.toContain('ana.subject');
  });

  it('rejects a tampered award and sees a revoked one in the status list', async () => {
    const learner = await makeLearner(api.db, college.id);
    const award = await issue(gid(learner));
    const [h, p, s] = award.verifiableCredential.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
    claims.credentialSubject.creditsEarned = 99;
    await expect(verifyIndependently([h, Buffer.from(JSON.stringify(claims)).toString('base64url'), s].join('.'))).rejects.toThrow(/signature/i);
    const { payload } = await verifyIndependently(award.verifiableCredential);
    expect(await statusBit(payload.credentialStatus)).toBe(0);
    await api.gql(AWARD_REVOKE, { id: award.id }, { token });
    expect(await statusBit(payload.credentialStatus)).toBe(1);
  });

  it('draws status indexes at random, unique within the list', async () => {
    const learner = await makeLearner(api.db, college.id);
    const indexes: number[] = [];
    for (let n = 0; n < 8; n += 1) {
      const { payload } = await verifyIndependently((await issue(gid(learner))).verifiableCredential);
      indexes.push(Number(payload.credentialStatus.statusListIndex));
    }
    expect(new Set(indexes).size).toBe(indexes.length);
    const steps = indexes.slice(1).map((index, i) => index - indexes[i]);
    expect(steps.every((step) => step === 1)).toBe(false);
    const rows = await api.db.query(`SELECT count(*)::int AS n, count(DISTINCT list_index)::int AS d FROM status_list_entry WHERE issuer = $1`, [`Institution:${college.id}`]);
    expect(rows[0].n).toBe(rows[0].d);
  });

  it('keeps awards verifiable after the issuer rotates its key, and publishes both algorithms\' keys', async () => {
    await api.gql(SIGNING_SET, { input: { issuerId: gid(college), algorithm: 'RS256' } }, { token });
    const learner = await makeLearner(api.db, college.id);
    const before = await issue(gid(learner));
    const rotated = await api.gql(SIGNING_SET, { input: { issuerId: gid(college), rotate: true } }, { token });
    expect(rotated.data!.issuerSigningSet.userErrors).toEqual([]);
    const after = await issue(gid(learner));
    const kidOf = (award: { verifiableCredential: string }) => decodeProtectedHeader(award.verifiableCredential).kid;
    expect(kidOf(after)).toBe(rotated.data!.issuerSigningSet.keyId);
    expect(kidOf(after)).not.toBe(kidOf(before));
    await expect(verifyIndependently(before.verifiableCredential)).resolves.toBeDefined();
    await expect(verifyIndependently(after.verifiableCredential)).resolves.toBeDefined();
    const profile = (await (await fetchPublished(`${publicBaseUrl()}/ob/issuers/${gid(college)}`)).json()) as { verificationMethod: { publicKeyJwk: JWK }[] };
    expect(new Set(profile.verificationMethod.map((m) => m.publicKeyJwk.alg))).toEqual(new Set(['RS256', 'EdDSA']));
    expect(profile.verificationMethod.every((m) => m.publicKeyJwk.d === undefined)).toBe(true);
  });

  it('lets only the issuer\'s own staff choose how it signs', async () => {
    const other = await makeInstitution(api.db);
    const refused = await api.gql(SIGNING_SET, { input: { issuerId: gid(other), algorithm: 'EdDSA' } }, { token });
    expect(refused.data!.issuerSigningSet.userErrors[0].code).toBe('ROLE_NOT_ALLOWED');
    const wrongKind = await api.gql(SIGNING_SET, { input: { issuerId: gid(credential), algorithm: 'EdDSA' } }, { token });
    expect(wrongKind.data!.issuerSigningSet.userErrors[0].code).toBe('INVALID_ID');
  });
});
