import { Field, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../core/entity-base';
import { Node } from '../../core/node';
import { PublicData } from '../../core/public-data';

@PublicData()
@ObjectType({ implements: Node, description: 'An organisation that co-designs and endorses pathways.' })
@Entity()
@Check('ck_employer__naics_code', `naics_code ~ '^[0-9]{2,6}$'`)
export class Employer extends BaseEntity {
  @Field(() => String, { description: 'The employer\'s name.' })
  @Index('ix_employer__name_trgm', { synchronize: false })
  @Column({ type: 'text', unique: true })
  name: string;

  @Field(() => String, { nullable: true, description: 'North American Industry Classification System code, 2 to 6 digits.' })
  @Index()
  @Column({ type: 'text', nullable: true })
  naicsCode: string | null;

  @Field(() => String, { description: 'The employer\'s region (a state, in the demo data).', nullable: true })
  @Index()
  @Column({ type: 'text', nullable: true })
  region: string | null;

  @Field(() => String, { description: 'What the employer does, in a sentence or two.', nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => String, { description: 'The employer\'s web site.', nullable: true })
  @Column({ type: 'text', nullable: true })
  websiteUrl: string | null;
}
