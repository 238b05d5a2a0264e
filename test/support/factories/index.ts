import { randomUUID } from 'node:crypto';
import { DataSource, DeepPartial, EntityTarget, ObjectLiteral } from 'typeorm';
import { toGlobalId } from '../../../api/src/core/ids';
import { hashPassword } from '../../../api/src/modules/accounts/auth.service';
import { Role, User } from '../../../api/src/modules/accounts/user.entity';
import type { TestApi } from '../api';
import { Employer } from '../../../api/src/modules/employers/employer.entity';
import { Institution, InstitutionKind } from '../../../api/src/modules/institutions/institution.entity';
import { Occupation } from '../../../api/src/modules/occupations/occupation.entity';
import { OccupationCompetency } from '../../../api/src/modules/occupations/occupation-competency.entity';
import { Competency, CompetencyType } from '../../../api/src/modules/standards/competency.entity';
import { CompetencyFramework } from '../../../api/src/modules/standards/competency-framework.entity';

/** Inserts one row with the given values over sensible defaults; returns it with its id. */
export async function insert<T extends ObjectLiteral>(db: DataSource, entity: EntityTarget<T>, values: NoInfer<DeepPartial<T>>): Promise<T> {
  const repository = db.getRepository(entity);
  const row: T = repository.create(values);
  return repository.save(row);
}

/** The global ID of a row, as a client would see it. */
export function gid(row: { id: number; constructor: { name: string } }): string {
  return toGlobalId(row.constructor.name, row.id);
}

const unique = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;
let socCounter = 1000;

export const makeInstitution = (db: DataSource, values: DeepPartial<Institution> = {}) =>
  insert(db, Institution, { name: unique('College'), kind: InstitutionKind.COMMUNITY_COLLEGE, region: 'Ohio', ...values });

export const makeEmployer = (db: DataSource, values: DeepPartial<Employer> = {}) =>
  insert(db, Employer, { name: unique('Employer'), naicsCode: '541512', region: 'Ohio', ...values });

export const makeOccupation = (db: DataSource, values: DeepPartial<Occupation> = {}) => {
  socCounter += 1;
  return insert(db, Occupation, { socCode: `99-${socCounter}`, title: unique('Occupation'), tasks: [], ...values });
};

export const makeFramework = (db: DataSource, values: DeepPartial<CompetencyFramework> = {}) =>
  insert(db, CompetencyFramework, { name: unique('Framework'), publisher: 'Test Publisher', ...values });

export const makeCompetency = (db: DataSource, frameworkId: number, values: DeepPartial<Competency> = {}) =>
  insert(db, Competency, { frameworkId, code: unique('C').replace(' ', '-'), statement: 'Does a thing', type: CompetencyType.SKILL, ...values });

export const linkCore = (db: DataSource, occupationId: number, competencyId: number, isCore = true) =>
  insert(db, OccupationCompetency, { occupationId, competencyId, isCore });

export async function makeUser(
  db: DataSource,
  role: Role,
  values: { email?: string; password?: string; institutionId?: number | null; employerId?: number | null } = {},
): Promise<User> {
  return insert(db, User, {
    email: values.email ?? `${randomUUID().slice(0, 8)}@example.test`,
    displayName: `${role} user`,
    passwordHash: await hashPassword(values.password ?? 'correct horse battery'),
    role,
    institutionId: values.institutionId ?? null,
    employerId: values.employerId ?? null,
  });
}

/** Signs in through the API and returns the bearer token. */
export async function tokenFor(api: { gql: TestApi['gql'] }, email: string, password = 'correct horse battery'): Promise<string> {
  const result = await api.gql(`mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token userErrors { code } } }`, { e: email, p: password });
  const token = result.data?.login.token;
  if (!token) throw new Error(`login failed for ${email}: ${JSON.stringify(result)}`);
  return token;
}
