import { EntityManager } from 'typeorm';
import { hashPassword } from '../modules/accounts/auth.service';
import { Role, User } from '../modules/accounts/user.entity';

export const DEMO_PASSWORD = 'demo-password';

export interface DemoOrganisations {
  /** The college whose staff and advisors the demo accounts are. */
  institutionId: number;
  /** The employer the demo partner account acts for. */
  employerId: number;
  /** The employer that validates the demo partner's pathways: approval is a validating partner's step. */
  validatorEmployerId: number;
}

/** One account per role, listed in the README; all share the demo password. */
export async function seedAccounts(em: EntityManager, organisations: DemoOrganisations): Promise<User[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts: Partial<User>[] = [
    { email: 'admin@demo.test', displayName: 'Avery Admin', role: Role.ADMIN },
    { email: 'staff@demo.test', displayName: 'Sam Staff', role: Role.INSTITUTION_STAFF, institutionId: organisations.institutionId },
    { email: 'employer@demo.test', displayName: 'Erin Employer', role: Role.EMPLOYER_PARTNER, employerId: organisations.employerId },
    { email: 'validator@demo.test', displayName: 'Victor Validator', role: Role.EMPLOYER_PARTNER, employerId: organisations.validatorEmployerId },
    { email: 'advisor@demo.test', displayName: 'Alex Advisor', role: Role.ADVISOR, institutionId: organisations.institutionId },
  ];
  return em.getRepository(User).save(accounts.map((account) => ({ institutionId: null, employerId: null, ...account, passwordHash })));
}
