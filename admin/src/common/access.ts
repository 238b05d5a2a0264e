/**
 * What each role may do in the console, mirroring the API's access policies (README, "Who may see
 * and do what"). The console only hides what a role cannot use; the API still decides every request.
 * Row-level rules (a college's own records, an employer's own credentials) stay with the API.
 */
export type Action = 'list' | 'show' | 'export' | 'create' | 'edit' | 'delete' | 'decide' | 'use';

const READ: readonly Action[] = ['list', 'show', 'export'];
const MANAGE: readonly Action[] = [...READ, 'create', 'edit', 'delete'];

type Grants = Readonly<Record<string, readonly Action[]>>;

/** Resources any signed-in role reads; writes are granted per role below. */
const CATALOGUE = ['pathways', 'credentials', 'occupations', 'competencyFrameworks', 'competencies', 'employers', 'institutions', 'degreePrograms', 'articulationAgreements'];

const readAll = (): Record<string, readonly Action[]> => Object.fromEntries(CATALOGUE.map((resource) => [resource, READ]));

const GRANTS: Readonly<Record<string, Grants>> = {
  INSTITUTION_STAFF: {
    ...readAll(),
    pathways: MANAGE,
    credentials: MANAGE,
    degreePrograms: MANAGE,
    articulationAgreements: MANAGE,
    learners: MANAGE,
    priorLearningClaims: [...MANAGE, 'decide'],
    advising: ['use'],
    agreementImpact: ['use'],
  },
  EMPLOYER_PARTNER: {
    ...readAll(),
    pathways: [...READ, 'edit'],
    credentials: [...READ, 'create', 'edit'],
  },
  ADVISOR: {
    ...readAll(),
    learners: [...READ, 'create', 'edit'],
    priorLearningClaims: ['create'],
    advising: ['use'],
  },
};

/** Whether `role` may take `action` on `resource`; admins may do everything, the public nothing here. */
export function roleCan(role: string | null | undefined, resource: string, action: string): boolean {
  if (role === 'ADMIN') return true;
  const grants = role ? GRANTS[role] : undefined;
  return grants?.[resource]?.includes(action as Action) ?? false;
}
