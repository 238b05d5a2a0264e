import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../core/entity-base';
import { Node } from '../../core/node';
import { DateScalar, numeric } from '../../core/scalars';
import { Employer } from '../employers/employer.entity';
import { Institution } from '../institutions/institution.entity';
import { Pathway } from '../pathways/pathway.entity';
import { DegreeProgram } from './degree-program.entity';
import { PublicData } from '../../core/public-data';

export enum AgreementStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(AgreementStatus, {
  name: 'AgreementStatus',
  description: "Whether an agreement grants credit.",
  valuesConfig: { DRAFT: { description: "Being negotiated; grants no credit." }, ACTIVE: { description: "Grants credit while the evaluation date is within its effective dates." }, SUSPENDED: { description: "Paused; grants no credit." }, EXPIRED: { description: "Ended; grants no credit." } },
});

@PublicData()
@ObjectType({ implements: Node, description: 'Turns an issuer\'s credentials into credit in a degree program.' })
@Entity()
@Check('ck_articulation_agreement__issuer', '(issuer_institution_id IS NULL) <> (issuer_employer_id IS NULL)')
@Check('ck_articulation_agreement__effective_to', 'effective_to IS NULL OR effective_to >= effective_from')
@Check('ck_articulation_agreement__recency_years', 'recency_years >= 1')
@Check('ck_articulation_agreement__block_credits', 'block_credits >= 0 AND (block_pathway_id IS NULL) = (block_credits IS NULL)')
export class ArticulationAgreement extends BaseEntity {
  @Field(() => Int, { description: 'Edit counter of this agreement, its own fields and its credit mappings; send it back with an edit to detect concurrent ones.' })
  @Column({ type: 'int', default: 1 })
  revision: number;

  @Field(() => String, { description: 'The agreement\'s name, as signed.' })
  @Index('ix_articulation_agreement__title_trgm', { synchronize: false })
  @Column({ type: 'text' })
  title: string;

  @Index()
  @Column({ type: 'int', nullable: true })
  issuerInstitutionId: number | null;

  @ManyToOne(() => Institution, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'issuer_institution_id' })
  issuerInstitution?: Institution;

  @Index()
  @Column({ type: 'int', nullable: true })
  issuerEmployerId: number | null;

  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'issuer_employer_id' })
  issuerEmployer?: Employer;

  @Index()
  @Column({ type: 'int' })
  degreeProgramId: number;

  @ManyToOne(() => DegreeProgram, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'degree_program_id' })
  degreeProgram?: DegreeProgram;

  @Field(() => AgreementStatus, { description: 'Only ACTIVE agreements grant credit, and only from effectiveFrom to effectiveTo.' })
  @Index()
  @Column({ type: 'enum', enum: AgreementStatus, enumName: 'agreement_status', default: AgreementStatus.DRAFT })
  status: AgreementStatus;

  @Field(() => DateScalar, { description: 'First day in force: an agreement counts on asOf when it is ACTIVE and effectiveFrom ≤ asOf ≤ effectiveTo.' })
  @Column({ type: 'date' })
  effectiveFrom: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day in force; null = open-ended.' })
  @Index()
  @Column({ type: 'date', nullable: true })
  effectiveTo: string | null;

  @Field(() => String, { nullable: true, description: 'Name and title of whoever signed it, e.g. "Dr. Renee Walsh, Provost".' })
  @Column({ type: 'text', nullable: true })
  signedBy: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was signed; informative, effectiveFrom governs when it counts.' })
  @Column({ type: 'date', nullable: true })
  signedOn: string | null;

  @Field(() => Int, { nullable: true, description: 'Awards older than this many years (at `asOf`) do not count.' })
  @Column({ type: 'int', nullable: true })
  recencyYears: number | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  blockPathwayId: number | null;

  @ManyToOne(() => Pathway, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'block_pathway_id' })
  blockPathway?: Pathway;

  @Field(() => Float, { nullable: true, description: 'Extra credits for completing the whole block pathway.' })
  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: numeric })
  blockCredits: number | null;
}
