import { agreementDescription } from './agreements/description';
import { auditDescription } from './audit/description';
import { competencyDescription } from './competencies/description';
import { credentialDescription } from './credentials/description';
import { ResourceDescription } from './dataProvider';
import { employerDescription } from './employers/description';
import { frameworkDescription } from './frameworks/description';
import { institutionDescription } from './institutions/description';
import { learnerDescription } from './learners/description';
import { occupationDescription } from './occupations/description';
import { pathwayDescription } from './pathways/description';
import { degreeProgramDescription } from './programs/description';

/** Each react-admin resource name and how the data provider speaks to the API about it. */
export const RESOURCES: Readonly<Record<string, ResourceDescription>> = {
  pathways: pathwayDescription,
  credentials: credentialDescription,
  occupations: occupationDescription,
  employers: employerDescription,
  institutions: institutionDescription,
  degreePrograms: degreeProgramDescription,
  articulationAgreements: agreementDescription,
  learners: learnerDescription,
  competencyFrameworks: frameworkDescription,
  competencies: competencyDescription,
  auditLog: auditDescription,
};
