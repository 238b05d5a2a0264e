import { DataSource, DeepPartial } from 'typeorm';
import { OutcomeReport } from '../../../api/src/modules/outcomes/outcome-report.entity';
import { Endorsement } from '../../../api/src/modules/pathways/endorsement.entity';
import { Pathway, PathwayStatus } from '../../../api/src/modules/pathways/pathway.entity';
import { PathwayDestination } from '../../../api/src/modules/pathways/pathway-destination.entity';
import { PathwayOffRamp } from '../../../api/src/modules/pathways/pathway-off-ramp.entity';
import { PartnerRole, PathwayPartner } from '../../../api/src/modules/pathways/pathway-partner.entity';
import { PathwayStage } from '../../../api/src/modules/pathways/pathway-stage.entity';
import { StageCredential } from '../../../api/src/modules/pathways/stage-credential.entity';
import { insert } from './index';

export const makePathway = (db: DataSource, ownerInstitutionId: number, values: DeepPartial<Pathway> = {}) =>
  insert(db, Pathway, { title: 'Pathway', ownerInstitutionId, status: PathwayStatus.DRAFT, ...values });

/** Sets a version's status directly, as the lifecycle mutations would. */
export async function setStatus(db: DataSource, pathwayId: number, status: PathwayStatus): Promise<void> {
  await db.getRepository(Pathway).update(pathwayId, { status });
}

export const makeStage = (db: DataSource, pathwayId: number, position: number, values: DeepPartial<PathwayStage> = {}) =>
  insert(db, PathwayStage, { pathwayId, position, title: `Stage ${position}`, ...values });

export const addToStage = (db: DataSource, stageId: number, credentialId: number, position = 0) =>
  insert(db, StageCredential, { stageId, credentialId, position });

export const addDestination = (db: DataSource, pathwayId: number, occupationId: number) =>
  insert(db, PathwayDestination, { pathwayId, occupationId });

export const addOffRamp = (db: DataSource, pathwayId: number, credentialId: number, occupationId: number) =>
  insert(db, PathwayOffRamp, { pathwayId, credentialId, occupationId });

export const addPartner = (db: DataSource, pathwayId: number, employerId: number, role = PartnerRole.CONTRIBUTOR) =>
  insert(db, PathwayPartner, { pathwayId, employerId, role });

export const makeEndorsement = (db: DataSource, pathwayId: number, employerId: number, values: DeepPartial<Endorsement> = {}) =>
  insert(db, Endorsement, { pathwayId, employerId, statement: 'We value this pathway', signatoryName: 'Pat Signer', ...values });

export const makeOutcomeReport = (db: DataSource, pathwayId: number, values: DeepPartial<OutcomeReport> = {}) =>
  insert(db, OutcomeReport, { pathwayId, cohort: '2025', enrolled: 40, completed: 30, placed: 20, ...values });
