import { registerEnumType } from 'type-graphql';

/** What a signed-in account may do; every request has one, so it belongs to the viewer. */
export enum Role {
  ADMIN = 'ADMIN',
  INSTITUTION_STAFF = 'INSTITUTION_STAFF',
  EMPLOYER_PARTNER = 'EMPLOYER_PARTNER',
  ADVISOR = 'ADVISOR',
  PUBLIC = 'PUBLIC',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'What a signed-in account may do; PUBLIC is anyone without a token.',
  valuesConfig: {
    ADMIN: { description: 'Reads and changes everything.' },
    INSTITUTION_STAFF: { description: 'Staff of one college: its credentials, pathways, programs, agreements and learners; publishes and decides prior-learning claims.' },
    EMPLOYER_PARTNER: { description: 'Staff of one employer: drafts and comments of the pathways it partners on, its endorsements and its own credentials.' },
    ADVISOR: { description: 'Advisor at one college: its learners, their awards, claims and articulation routes.' },
    PUBLIC: { description: 'No token: reads published data only, changes nothing; outcome counts under 10 are suppressed.' },
  },
});

/** Who is asking: the role and the organisation it acts for, taken from a verified token. */
export interface Viewer {
  role: Role;
  userId: number | null;
  institutionId: number | null;
  employerId: number | null;
}

export const PUBLIC_VIEWER: Viewer = Object.freeze({ role: Role.PUBLIC, userId: null, institutionId: null, employerId: null });
