import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { BaseEntity } from '../../core/entity-base';
import { Node } from '../../core/node';
import { Employer } from '../employers/employer.entity';
import { Pathway } from './pathway.entity';
import { ImmutableData, PublicData } from '../../core/public-data';

export enum PartnerRole {
  LEAD = 'LEAD',
  CONTRIBUTOR = 'CONTRIBUTOR',
  VALIDATOR = 'VALIDATOR',
}
registerEnumType(PartnerRole, {
  name: 'PartnerRole',
  description: 'An employer\'s part in co-designing a pathway.',
  valuesConfig: {
    LEAD: { description: 'Leads the co-design with the college.' },
    CONTRIBUTOR: { description: 'Contributes to the design: edits drafts and comments.' },
    VALIDATOR: { description: 'Reviews versions: approves them or requests changes.' },
  },
});

@PublicData()
@ObjectType({ implements: Node, description: 'An employer co-designing a pathway, with its role.' })
@Entity()
@Unique('uq_pathway_partner__pair', ['pathwayId', 'employerId'])
export class PathwayPartner extends BaseEntity {
  @Index()
  @Column({ type: 'int' })
  pathwayId: number;

  @ManyToOne(() => Pathway, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pathway_id' })
  pathway?: Pathway;

  @Index()
  @Column({ type: 'int' })
  employerId: number;

  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_id' })
  employer?: Employer;

  @ImmutableData()
  @Field(() => PartnerRole, { description: 'The employer\'s part in co-designing the pathway; VALIDATOR partners approve versions in review.' })
  @Index()
  @Column({ type: 'enum', enum: PartnerRole, enumName: 'partner_role' })
  role: PartnerRole;
}
