import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DateScalar, numeric } from '../../core/scalars';
import { BaseEntity } from '../../core/entity-base';
import { Node } from '../../core/node';
import { Employer } from '../employers/employer.entity';
import { Institution } from '../institutions/institution.entity';
import { PublicData } from '../../core/public-data';

export enum DeliveryMode {
  ONLINE = 'ONLINE',
  IN_PERSON = 'IN_PERSON',
  HYBRID = 'HYBRID',
  WORK_BASED = 'WORK_BASED',
}
registerEnumType(DeliveryMode, {
  name: 'DeliveryMode',
  description: "How a credential is taught.",
  valuesConfig: { IN_PERSON: { description: "On campus or at a training site." }, ONLINE: { description: "Entirely online." }, HYBRID: { description: "Partly online, partly in person." }, WORK_BASED: { description: "On the job, at an employer." } },
});

export enum CredentialStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  RETIRED = 'RETIRED',
}
registerEnumType(CredentialStatus, {
  name: 'CredentialStatus',
  description: "Where a credential is in its life; the public sees PUBLISHED credentials only.",
  valuesConfig: { DRAFT: { description: "Being written by its issuer; not shown to the public." }, PUBLISHED: { description: "Offered and shown to the public." }, RETIRED: { description: "No longer offered." } },
});

export enum EvidenceType {
  WORK_SAMPLE = 'WORK_SAMPLE',
  PORTFOLIO_ARTIFACT = 'PORTFOLIO_ARTIFACT',
  VIDEO = 'VIDEO',
  SUPERVISOR_ATTESTATION = 'SUPERVISOR_ATTESTATION',
  EXAM_RESULT = 'EXAM_RESULT',
  OBSERVATION_RECORD = 'OBSERVATION_RECORD',
}
registerEnumType(EvidenceType, {
  name: 'EvidenceType',
  description: 'A kind of evidence a learner submits to earn a credential (OB3 evidence).',
  valuesConfig: {
    WORK_SAMPLE: { description: 'Something the learner made or did on the job or in a lab.' },
    PORTFOLIO_ARTIFACT: { description: 'A piece of a portfolio the learner assembled.' },
    VIDEO: { description: 'A recording of the learner performing the task.' },
    SUPERVISOR_ATTESTATION: { description: 'A workplace supervisor\'s signed statement.' },
    EXAM_RESULT: { description: 'A score on a written or online exam.' },
    OBSERVATION_RECORD: { description: 'An assessor\'s record of watching the learner perform.' },
  },
});

@PublicData()
@ObjectType({ implements: Node, description: 'A short, assessed microcredential (OB3 Achievement, ceterms:Credential).' })
@Entity()
@Check('ck_credential__issuer', '(issuer_institution_id IS NULL) <> (issuer_employer_id IS NULL)')
@Check('ck_credential__level', 'level BETWEEN 1 AND 3')
@Check('ck_credential__workload_hours', 'workload_hours > 0')
@Check('ck_credential__credit_value', 'credit_value >= 0')
@Check('ck_credential__cost', 'cost >= 0')
export class Credential extends BaseEntity {
  @Field(() => Int, { description: 'Edit counter of this credential, its own fields and its outcomes, alignments, assessments and rubric levels; send it back with an edit to detect concurrent ones.' })
  @Column({ type: 'int', default: 1 })
  revision: number;

  @Field(() => String, { description: 'The credential\'s name as learners see it.' })
  @Index('ix_credential__title_trgm', { synchronize: false })
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { description: 'What the credential covers, in a sentence or two.', nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

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

  @Field(() => Int, { description: '1 foundation; 2 rigorous training with competency assessment; 3 applied work-based learning.' })
  @Index()
  @Column({ type: 'int' })
  level: number;

  @Field(() => Float, { description: 'Notional workload in hours.' })
  @Column({ type: 'numeric', precision: 7, scale: 2, transformer: numeric })
  workloadHours: number;

  @Field(() => Float, { description: 'Credit value the issuer assigns.' })
  @Column({ type: 'numeric', precision: 6, scale: 2, default: 0, transformer: numeric })
  creditValue: number;

  @Field(() => DeliveryMode, { description: 'How it is taught: in person, online, hybrid or work-based.' })
  @Column({ type: 'enum', enum: DeliveryMode, enumName: 'delivery_mode' })
  deliveryMode: DeliveryMode;

  @Field(() => Float, { nullable: true, description: 'Cost to the learner, in `currency`.' })
  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: numeric })
  cost: number | null;

  @Field(() => String, { description: 'ISO 4217 currency code of `cost`.' })
  @Column({ type: 'char', length: 3, default: 'USD' })
  currency: string;

  @Field(() => CredentialStatus, { description: 'Where it is in its life: only PUBLISHED credentials are shown to the public.' })
  @Index()
  @Column({ type: 'enum', enum: CredentialStatus, enumName: 'credential_status', default: CredentialStatus.DRAFT })
  status: CredentialStatus;

  @Field(() => String, { nullable: true, description: 'How a learner earns it, in words (OB3 criteria narrative).' })
  @Column({ type: 'text', nullable: true })
  criteria: string | null;

  @Field(() => [EvidenceType], { description: 'The kinds of evidence the credential is assessed on.' })
  @Column({ type: 'enum', enum: EvidenceType, enumName: 'evidence_type', array: true, default: '{}' })
  evidenceTypes: EvidenceType[];

  @Field(() => DateScalar, { description: 'When the issuer next reviews it against industry needs.', nullable: true })
  @Column({ type: 'date', nullable: true })
  nextReviewOn: string | null;
}
