import { seedDemoData } from '../../api/src/seed/demo';
import { toGlobalId } from '../../api/src/core/ids';
import { createTestDatabase, TestDatabase } from '../support/db';
import { preparedReadTexts } from '../../api/src/core/database';
import { answer, Readers, readers } from './compare';

const PATHWAY = `id title description version status publishedAt reviewDueOn lineageId revision createdAt updatedAt
  ownerInstitution { id name region kind websiteUrl }
  destinations { id socCode title medianAnnualWage tasks jobZone }
  destinationLinks { id occupation { id title } pathway { id } }
  partners { role employer { id name naicsCode } pathway { title } }
  offRamps { credential { id title status } occupation { id title } }
  endorsements { id statement endorsedOn expiresOn current revokedAt commitment employer { name } }
  credentials { id title status level }
  stages { id position title requirement requiredCount minCredits
    entries { position credential { id title status } stage { id } }
    credentials { id title level workloadHours creditValue deliveryMode evidenceTypes cost nextReviewOn assessed } }`;

/** Documents over every compiled root field, with fragments, aliases, variables, directives and the node interface. */
const DOCUMENTS: { name: string; document: string; variables?: (ids: Record<string, string>) => Record<string, unknown>; roots: number }[] = [
  { name: 'a published pathway page', document: `query($id: ID!) { pathway(id: $id) { ${PATHWAY} } }`, variables: (ids) => ({ id: ids.published }), roots: 1 },
  { name: 'a draft pathway', document: `query($id: ID!) { pathway(id: $id) { ${PATHWAY} } }`, variables: (ids) => ({ id: ids.draft }), roots: 1 },
  {
    name: 'a page of pathways, depth 5',
    document: `{ pathways(first: 100) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } nodes { ${PATHWAY} } } }`,
    roots: 1,
  },
  {
    name: 'the second page, ordered and filtered',
    document: `query($after: String) { pathways(first: 3, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }, filter: { search: "a" }) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { title status } } } }`,
    variables: () => ({ after: Buffer.from('cursor:1').toString('base64url') }),
    roots: 1,
  },
  {
    name: 'credentials with their crosswalk',
    document: `{ credentials(first: 50) { totalCount nodes { id title status level
      outcomes { position statement alignments { strength competency { code framework { name } } outcome { id } } }
      assessments { id method } rubricLevels { level name } prerequisites { id title }
      competencies { id code statement framework { id name } } occupations { id socCode title } pathways { id title status } } } }`,
    roots: 1,
  },
  { name: 'a draft credential', document: `query($id: ID!) { credential(id: $id) { id title status outcomes { statement } } }`, variables: (ids) => ({ id: ids.draftCredential }), roots: 1 },
  {
    name: "an institution's programs, agreements and mappings",
    document: `query($id: ID!) { institution(id: $id) { id name degreePrograms { id title awardLevel totalCredits priorLearningCap
      agreements { id title status effectiveFrom effectiveTo blockPathway { title } degreeProgram { id } mappings { credits courseEquivalent credential { id title } agreement { id } } } }
      credentials { id title } pathways { id version title } } }`,
    variables: (ids) => ({ id: ids.institution }),
    roots: 1,
  },
  {
    name: 'the other lists',
    document: `{ institutions(first: 10) { totalCount nodes { name } }
      occupations(first: 5, orderBy: { field: MEDIAN_ANNUAL_WAGE, direction: DESC }) { totalCount nodes { title medianAnnualWage competencies { isCore competency { code } } pathways { id title } } }
      employers { nodes { name partnerships { role pathway { title } } endorsements { statement pathway { id } } } }
      degreePrograms { nodes { title institution { name } } }
      competencyFrameworks { nodes { name competencies { code parent { code } children { code } occupations { occupation { title } } } } } }`,
    roots: 5,
  },
  {
    name: 'aliases, fragments, variables and directives',
    document: `query($id: ID!, $withStages: Boolean!, $skipTitle: Boolean!) {
      first: pathway(id: $id) { ...Head name: title @skip(if: $skipTitle) stages @include(if: $withStages) { ...StageParts } }
      again: pathway(id: $id) { heading: title, stages { n: position } ... on Pathway { status } } }
      fragment Head on Pathway { id version owner: ownerInstitution { name } }
      fragment StageParts on PathwayStage { position credentials { t: title, title } }`,
    variables: (ids) => ({ id: ids.published, withStages: true, skipTitle: true }),
    roots: 2,
  },
  {
    name: 'the node interface',
    document: `query($ids: [ID!]!, $id: ID!) {
      node(id: $id) { id __typename ... on Pathway { title stages { title } } ... on Credential { level } }
      nodes(ids: $ids) { id __typename ... on Node { id } ... on Pathway { title } ... on Occupation { socCode } ... on Credential { title status } ... on PathwayStage { position pathway { title } } } }`,
    variables: (ids) => ({ id: ids.draft, ids: [ids.published, ids.draft, ids.occupation, ids.draftCredential, ids.stage, 'not-an-id', ids.missing] }),
    roots: 2,
  },
];

describe('compiled reads', () => {
  let database: TestDatabase;
  let schemas: Readers;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoData(database.db);
    schemas = await readers(database.db);
    const one = async (sql: string) => ((await database.db.query(sql)) as { id: number }[])[0].id;
    ids.published = toGlobalId('Pathway', await one(`SELECT id FROM pathway WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1`));
    ids.draft = toGlobalId('Pathway', await one(`SELECT id FROM pathway WHERE status <> 'PUBLISHED' ORDER BY id LIMIT 1`));
    ids.draftCredential = toGlobalId('Credential', await one(`SELECT id FROM credential WHERE status <> 'PUBLISHED' ORDER BY id LIMIT 1`));
    ids.institution = toGlobalId('Institution', await one(`SELECT institution_id AS id FROM degree_program ORDER BY id LIMIT 1`));
    ids.occupation = toGlobalId('Occupation', await one(`SELECT id FROM occupation ORDER BY id LIMIT 1`));
    ids.stage = toGlobalId('PathwayStage', await one(`SELECT s.id FROM pathway_stage s JOIN pathway p ON p.id = s.pathway_id WHERE p.status <> 'PUBLISHED' ORDER BY s.id LIMIT 1`));
    ids.missing = toGlobalId('Pathway', 999999);
  });
  afterAll(() => database.drop());

  it('has a draft of each kind in the demo data, so that scopes are tested', () => {
    expect(ids.draft).toBeDefined();
    expect(ids.draftCredential).toBeDefined();
  });

  for (const { name, document, variables, roots } of DOCUMENTS) {
    it(`answers ${name} as the resolvers do, for every role, in one statement per root field`, async () => {
      for (const [who, viewer] of Object.entries(schemas.viewers)) {
        const vars = variables?.(ids) ?? {};
        const expected = await answer(database.db, schemas.resolvers, viewer, document, vars);
        const actual = await answer(database.db, schemas.compiled, viewer, document, vars);
        expect({ who, data: actual.data, errors: actual.errors }).toEqual({ who, data: expected.data, errors: expected.errors });
        expect({ who, statements: actual.statements, fallbacks: actual.fallbacks }).toEqual({ who, statements: roots, fallbacks: 0 });
      }
    });
  }

  for (const { name, document, variables, roots } of DOCUMENTS) {
    it(`answers ${name} as the resolvers do under graphql-jit, for every role`, async () => {
      for (const [who, viewer] of Object.entries(schemas.viewers)) {
        const vars = variables?.(ids) ?? {};
        const expected = await answer(database.db, schemas.resolvers, viewer, document, vars);
        const actual = await answer(database.db, schemas.compiled, viewer, document, vars, true);
        expect({ who, data: actual.data, errors: actual.errors }).toEqual({ who, data: expected.data, errors: expected.errors });
        expect({ who, statements: actual.statements, fallbacks: actual.fallbacks }).toEqual({ who, statements: roots, fallbacks: 0 });
      }
    });
  }

  for (const { name, document, variables, roots } of DOCUMENTS) {
    it(`answers ${name} as the resolvers do with PostgreSQL's JSON text, for every role, in prepared statements`, async () => {
      let direct = 0;
      for (const [who, viewer] of Object.entries(schemas.viewers)) {
        const vars = variables?.(ids) ?? {};
        const expected = await answer(database.db, schemas.resolvers, viewer, document, vars);
        const actual = await answer(database.db, schemas.compiled, viewer, document, vars, 'direct');
        expect({ who, data: actual.data, errors: actual.errors }).toEqual({ who, data: expected.data, errors: expected.errors });
        // Only a row the viewer may not read (whose error graphql-jit gives) keeps an answer from going out directly.
        expect({ who, direct: actual.direct }).toEqual({ who, direct: expected.errors.length === 0 });
        if (actual.direct) expect({ who, statements: actual.statements, fallbacks: actual.fallbacks }).toEqual({ who, statements: roots, fallbacks: 0 });
        direct += Number(actual.direct);
      }
      expect(direct).toBeGreaterThan(0);
    });
  }

  it('prepares one statement per document and role, whatever the ids and the viewer', async () => {
    const document = `query($id: ID!) { pathway(id: $id) { id title stages { title credentials { title } } } }`;
    const before = preparedReadTexts();
    const advisor = schemas.viewers['advisor@demo.test'];
    // Two advisors of different colleges: their scopes differ only in a parameter.
    for (const viewer of [advisor, { ...advisor, institutionId: advisor.institutionId! + 1 }]) {
      for (const id of [ids.published, ids.draft, ids.missing]) await answer(database.db, schemas.compiled, viewer, document, { id }, 'direct');
    }
    const added = preparedReadTexts().filter((text) => !before.includes(text));
    // One direct statement; the draft the other college's advisor may not read is answered again by graphql-jit, with `$t`.
    expect(added.map((text) => text.includes(`'$t'`)).sort()).toEqual([false, true]);
    expect(added.every((text) => text.includes('$2::int'))).toBe(true);
  });

  it('answers fields it cannot express through their resolvers, correctly and counted', async () => {
    const document = `query($id: ID!) { pathway(id: $id) { title coverage { ratio coreCount } publishReadiness { ready } versions { id } outcomes { cohort enrolled }
      stages { title credentials { title issuer { __typename ... on Institution { name } } } } } }`;
    for (const [who, viewer] of Object.entries(schemas.viewers)) {
      const expected = await answer(database.db, schemas.resolvers, viewer, document, { id: ids.published });
      const actual = await answer(database.db, schemas.compiled, viewer, document, { id: ids.published });
      expect({ who, data: actual.data, errors: actual.errors }).toEqual({ who, data: expected.data, errors: expected.errors });
      expect(actual.fallbacks).toBe(5);
      const served = await answer(database.db, schemas.compiled, viewer, document, { id: ids.published }, 'direct');
      expect({ who, data: served.data, errors: served.errors, direct: served.direct }).toEqual({ who, data: expected.data, errors: expected.errors, direct: false });
    }
  });

  it('sends a root field it does not compile to its resolver, counted', async () => {
    const document = `{ learners(first: 5) { totalCount nodes { givenName } } }`;
    const viewer = schemas.viewers['advisor@demo.test'];
    const expected = await answer(database.db, schemas.resolvers, viewer, document);
    const actual = await answer(database.db, schemas.compiled, viewer, document);
    expect(actual.data).toEqual(expected.data);
    expect((actual.data as { learners: { totalCount: number } }).learners.totalCount).toBeGreaterThan(0);
    expect(actual.fallbacks).toBe(1);
    const served = await answer(database.db, schemas.compiled, viewer, document, {}, 'direct');
    expect({ data: served.data, direct: served.direct }).toEqual({ data: expected.data, direct: false });
  });
});
