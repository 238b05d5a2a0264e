import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Context } from '../../core/context';
import { containsPattern, crudResolver, filterId } from '../../core/crud';
import { ErrorCode, UserError, userError, UserInputFailure } from '../../core/errors';
import { assertRevision, touchRevision } from '../../core/revision';
import { todayIso } from '../../core/scalars';
import { Credential } from '../credentials/credential.entity';
import { Institution } from '../institutions/institution.entity';
import { Issuer, issuerError, loadIssuer } from '../institutions/issuer';
import { Pathway } from '../pathways/pathway.entity';
import { ArticulationAgreement } from './articulation-agreement.entity';
import {
  ArticulationAgreementCreateInput,
  ArticulationAgreementFilter,
  ArticulationAgreementOrderField,
  ArticulationAgreementUpdateInput,
  CreditMappingCreateInput,
  CreditMappingUpdateInput,
  DegreeProgramCreateInput,
  DegreeProgramFilter,
  DegreeProgramOrderField,
  DegreeProgramUpdateInput,
} from './articulation.inputs';
import { CreditMapping } from './credit-mapping.entity';
import { DegreeProgram } from './degree-program.entity';

@Resolver(() => DegreeProgram)
export class DegreeProgramResolver extends crudResolver({
  entity: DegreeProgram,
  createInput: DegreeProgramCreateInput,
  updateInput: DegreeProgramUpdateInput,
  hooks: {
    async beforeSave(_em, program) {
      // An update may clear either value; the database then names that field as REQUIRED.
      const bothSet = program.residencyCredits != null && program.totalCredits != null;
      if (bothSet && program.residencyCredits > program.totalCredits) {
        throw UserInputFailure.of(['input', 'residencyCredits'], `Residency credits cannot exceed the ${program.totalCredits} total credits`, ErrorCode.OUT_OF_RANGE);
      }
    },
  },
  list: {
    name: 'degreePrograms',
    filter: DegreeProgramFilter,
    orderFields: DegreeProgramOrderField,
    orderColumn: { TITLE: 'title', CREATED_AT: 'createdAt' },
    defaultOrder: DegreeProgramOrderField.TITLE,
    applyFilter(qb, filter) {
      if (filter.search) qb.andWhere('row.title ILIKE :search', { search: containsPattern(filter.search) });
      if (filter.institutionId) qb.andWhere('row.institutionId = :institutionId', { institutionId: filterId(filter.institutionId, 'Institution') });
      if (filter.awardLevel) qb.andWhere('row.awardLevel = :awardLevel', { awardLevel: filter.awardLevel });
      if (filter.cipCode) qb.andWhere('row.cipCode LIKE :cip', { cip: `${filter.cipCode.replace(/[^0-9.]/g, '')}%` });
      if (filter.region) qb.andWhere('row.institutionId IN (SELECT id FROM institution WHERE region = :region)', { region: filter.region });
    },
  },
}) {
  @FieldResolver(() => Institution, { description: 'The institution that offers the program.' })
  institution(@Root() program: DegreeProgram, @Ctx() ctx: Context) {
    return ctx.loaders.one(Institution, program.institutionId);
  }

  @FieldResolver(() => [ArticulationAgreement], { description: 'Agreements into this program the viewer may see.' })
  agreements(@Root() program: DegreeProgram, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(ArticulationAgreement, 'degreeProgramId', { effectiveFrom: 'ASC' }).load(program.id);
  }
}

/** Keeps the window's last day a date PostgreSQL can compute; no agreement runs for a century. */
const LONGEST_EXPIRY_WINDOW_DAYS = 36500;

function expiryWindowDays(days: number): number {
  if (days < 0 || days > LONGEST_EXPIRY_WINDOW_DAYS) {
    throw new GraphQLError(`expiringWithinDays must be between 0 and ${LONGEST_EXPIRY_WINDOW_DAYS}`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return days;
}

@Resolver(() => ArticulationAgreement)
export class ArticulationAgreementResolver extends crudResolver({
  entity: ArticulationAgreement,
  createInput: ArticulationAgreementCreateInput,
  updateInput: ArticulationAgreementUpdateInput,
  hooks: {
    virtualFields: ['expectedRevision'],
    async beforeSave(_em, agreement, _ctx, previous, input) {
      if (previous) {
        assertRevision(previous, input.expectedRevision as number, 'agreement');
        agreement.revision = previous.revision + 1;
      }
      const issuer = issuerError(agreement);
      const failures: UserError[] = issuer ? [issuer] : [];
      if (agreement.effectiveTo != null && agreement.effectiveFrom != null && agreement.effectiveTo < agreement.effectiveFrom) {
        failures.push(userError(['input', 'effectiveTo'], 'The agreement cannot end before it starts', ErrorCode.OUT_OF_RANGE));
      }
      if ((agreement.blockPathwayId == null) !== (agreement.blockCredits == null)) {
        failures.push(userError(['input', 'blockCredits'], 'Block credit needs both a pathway and a number of credits', ErrorCode.INVALID));
      }
      if (failures.length > 0) throw new UserInputFailure(failures);
    },
    async beforeDelete(_em, agreement, _ctx, input) {
      assertRevision(agreement, input.expectedRevision, 'agreement');
    },
  },
  versionedDelete: true,
  list: {
    name: 'articulationAgreements',
    filter: ArticulationAgreementFilter,
    orderFields: ArticulationAgreementOrderField,
    orderColumn: { TITLE: 'title', EFFECTIVE_FROM: 'effectiveFrom', EFFECTIVE_TO: 'effectiveTo' },
    defaultOrder: ArticulationAgreementOrderField.TITLE,
    applyFilter(qb, filter) {
      if (filter.search) qb.andWhere('row.title ILIKE :search', { search: containsPattern(filter.search) });
      if (filter.status) qb.andWhere('row.status = :status', { status: filter.status });
      if (filter.degreeProgramId) qb.andWhere('row.degreeProgramId = :programId', { programId: filterId(filter.degreeProgramId, 'DegreeProgram') });
      if (filter.institutionId) {
        qb.andWhere('(row.issuerInstitutionId = :institutionId OR row.degreeProgramId IN (SELECT id FROM degree_program WHERE institution_id = :institutionId))', {
          institutionId: filterId(filter.institutionId, 'Institution'),
        });
      }
      if (filter.employerId) qb.andWhere('row.issuerEmployerId = :employerId', { employerId: filterId(filter.employerId, 'Employer') });
      if (filter.credentialId) {
        qb.andWhere('row.id IN (SELECT agreement_id FROM credit_mapping WHERE credential_id = :credentialId)', { credentialId: filterId(filter.credentialId, 'Credential') });
      }
      if (filter.activeOn) {
        qb.andWhere(`row.status = 'ACTIVE' AND row.effectiveFrom <= :activeOn AND (row.effectiveTo IS NULL OR row.effectiveTo >= :activeOn)`, { activeOn: filter.activeOn });
      }
      if (filter.expiringWithinDays !== null && filter.expiringWithinDays !== undefined) {
        qb.andWhere(`row.status = 'ACTIVE' AND row.effectiveTo BETWEEN :today AND (:today::date + :days::int)`, { today: todayIso(), days: expiryWindowDays(filter.expiringWithinDays) });
      }
    },
  },
}) {
  @FieldResolver(() => Issuer, { description: 'The institution or employer whose credentials the agreement turns into credit.' })
  issuer(@Root() agreement: ArticulationAgreement, @Ctx() ctx: Context) {
    return loadIssuer(ctx.loaders, agreement);
  }

  @FieldResolver(() => DegreeProgram, { description: 'The program the credit counts toward.' })
  degreeProgram(@Root() agreement: ArticulationAgreement, @Ctx() ctx: Context) {
    return ctx.loaders.one(DegreeProgram, agreement.degreeProgramId);
  }

  @FieldResolver(() => Pathway, { nullable: true, description: 'The pathway whose completion earns block credit (its newest published version counts).' })
  blockPathway(@Root() agreement: ArticulationAgreement, @Ctx() ctx: Context) {
    return agreement.blockPathwayId === null ? null : ctx.loaders.byId(Pathway).load(agreement.blockPathwayId);
  }

  @FieldResolver(() => [CreditMapping], { description: 'The credit-mapping table.' })
  mappings(@Root() agreement: ArticulationAgreement, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(CreditMapping, 'agreementId').load(agreement.id);
  }

  @FieldResolver(() => Int, { description: 'How many credentials the agreement maps (the length of mappings).' })
  mappingCount(@Root() agreement: ArticulationAgreement, @Ctx() ctx: Context) {
    return ctx.loaders
      .custom('agreement.mappingCount', (db) =>
        new DataLoader<number, number>(async (ids) => {
          const rows: { agreement_id: number; n: number }[] = await db.query(
            `SELECT agreement_id, count(*)::int AS n FROM credit_mapping WHERE agreement_id = ANY($1) GROUP BY agreement_id`,
            [[...ids]],
          );
          const counts = new Map(rows.map((row) => [row.agreement_id, row.n]));
          return ids.map((id) => counts.get(id) ?? 0);
        }),
      )
      .load(agreement.id);
  }
}

@Resolver(() => CreditMapping)
export class CreditMappingResolver extends crudResolver({
  entity: CreditMapping,
  createInput: CreditMappingCreateInput,
  updateInput: CreditMappingUpdateInput,
  // The mapping table is part of the agreement: each change locks the agreement, checks the
  // revision it was based on (required to add or remove a row) and counts the change.
  hooks: {
    virtualFields: ['expectedRevision'],
    async beforeSave(em, mapping, _ctx, _previous, input) {
      await touchRevision(em, ArticulationAgreement, mapping.agreementId, input.expectedRevision as number | undefined, 'agreement');
    },
    async beforeDelete(em, mapping, _ctx, input) {
      await touchRevision(em, ArticulationAgreement, mapping.agreementId, input.expectedRevision, 'agreement');
    },
  },
  versionedDelete: true,
}) {
  @FieldResolver(() => ArticulationAgreement, { description: 'The agreement the mapping belongs to.' })
  agreement(@Root() mapping: CreditMapping, @Ctx() ctx: Context) {
    return ctx.loaders.byId(ArticulationAgreement).load(mapping.agreementId);
  }

  @FieldResolver(() => Credential, { description: 'The credential that earns the credit.' })
  credential(@Root() mapping: CreditMapping, @Ctx() ctx: Context) {
    return ctx.loaders.one(Credential, mapping.credentialId);
  }
}
