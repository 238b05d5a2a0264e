import { AlignmentStrength, Alignment } from '../../api/src/modules/credentials/alignment.entity';
import { Credential, DeliveryMode, CredentialStatus } from '../../api/src/modules/credentials/credential.entity';
import { LearningOutcome } from '../../api/src/modules/credentials/learning-outcome.entity';
import { Pathway, PathwayStatus } from '../../api/src/modules/pathways/pathway.entity';
import { PathwayDestination } from '../../api/src/modules/pathways/pathway-destination.entity';
import { PartnerRole, PathwayPartner } from '../../api/src/modules/pathways/pathway-partner.entity';
import { PathwayStage, StageRequirement } from '../../api/src/modules/pathways/pathway-stage.entity';
import { StageCredential } from '../../api/src/modules/pathways/stage-credential.entity';
import { startTestApi, TestApi } from '../support/api';
import { makeCompetency, makeEmployer, makeFramework, makeInstitution, makeOccupation } from '../support/factories';

const NESTED = `query($first: Int!) {
  pathways(first: $first, orderBy: { field: TITLE }) {
    totalCount
    nodes {
      title
      destinations { socCode }
      partners { role employer { name } }
      stages {
        title
        credentials {
          title
          outcomes { statement alignments { strength competency { code framework { name } } } }
        }
      }
    }
  }
}`;

describe('nested queries', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    const db = api.db;
    const college = await makeInstitution(db);
    const occupation = await makeOccupation(db);
    const frameworks = [await makeFramework(db), await makeFramework(db)];
    const competencies = await Promise.all([0, 1, 2, 3].map((i) => makeCompetency(db, frameworks[i % 2].id, { code: `N-${i}` })));
    const employers = await Promise.all([0, 1, 2].map(() => makeEmployer(db)));
    const credentials = await db.getRepository(Credential).save(
      Array.from({ length: 20 }, (_, i) => ({
        title: `Credential ${String(i).padStart(2, '0')}`, issuerInstitutionId: college.id, level: 2, workloadHours: 40,
        creditValue: 3, deliveryMode: DeliveryMode.HYBRID, status: CredentialStatus.PUBLISHED,
      })),
    );
    const outcomes = await db.getRepository(LearningOutcome).save(
      credentials.flatMap((credential) => [1, 2].map((position) => ({ credentialId: credential.id, position, statement: `Outcome ${position}` }))),
    );
    await db.getRepository(Alignment).save(
      outcomes.map((outcome, i) => ({ outcomeId: outcome.id, competencyId: competencies[i % 4].id, strength: AlignmentStrength.EXACT })),
    );
    const pathwayRepository = db.getRepository(Pathway);
    const pathways = await pathwayRepository.save(pathwayRepository.create(
      Array.from({ length: 60 }, (_, i) => ({
        title: `Pathway ${String(i).padStart(2, '0')}`, ownerInstitutionId: college.id, status: PathwayStatus.PUBLISHED,
      })),
    ));
    await db.getRepository(PathwayDestination).save(pathways.map((p) => ({ pathwayId: p.id, occupationId: occupation.id })));
    await db.getRepository(PathwayPartner).save(
      pathways.flatMap((p, i) => [{ pathwayId: p.id, employerId: employers[i % 3].id, role: PartnerRole.LEAD }]),
    );
    const stages = await db.getRepository(PathwayStage).save(
      pathways.flatMap((p) => [1, 2].map((position) => ({ pathwayId: p.id, position, title: `Stage ${position}`, requirement: StageRequirement.ALL }))),
    );
    await db.getRepository(StageCredential).save(
      stages.flatMap((stage, i) => [0, 1].map((k) => ({ stageId: stage.id, credentialId: credentials[(i * 2 + k) % 20].id, position: k }))),
    );
  });
  afterAll(() => api.close());

  it('issues the same number of SQL statements for 5 and for 50 pathways', async () => {
    const small = await api.gql(NESTED, { first: 5 });
    const large = await api.gql(NESTED, { first: 50 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(small.data?.pathways.nodes).toHaveLength(5);
    expect(large.data?.pathways.nodes).toHaveLength(50);
    const first = large.data?.pathways.nodes[0];
    expect(first.stages[0].credentials[0].outcomes[0].alignments[0].competency.framework.name).toEqual(expect.any(String));
    expect(first.partners[0].employer.name).toEqual(expect.any(String));
    expect(Number.isFinite(small.statements)).toBe(true);
    expect(large.statements).toBe(small.statements);
    // The root field is compiled: one statement, whatever the depth and the page size.
    expect(large.statements).toBe(1);
  });
});
