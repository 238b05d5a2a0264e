import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../core/entity-base';
import { Node } from '../../core/node';
import { numeric } from '../../core/scalars';
import { Institution } from '../institutions/institution.entity';
import { PublicData } from '../../core/public-data';

export enum AwardLevel {
  CERTIFICATE = 'CERTIFICATE',
  ASSOCIATE = 'ASSOCIATE',
  BACHELOR = 'BACHELOR',
}
registerEnumType(AwardLevel, {
  name: 'AwardLevel',
  description: "What a degree program awards.",
  valuesConfig: { CERTIFICATE: { description: "A certificate." }, ASSOCIATE: { description: "An associate degree." }, BACHELOR: { description: "A bachelor's degree." } },
});

@PublicData()
@ObjectType({ implements: Node, description: 'A degree or certificate program that articulated credit counts toward.' })
@Entity()
@Check('ck_degree_program__cip_code', `cip_code ~ '^[0-9]{2}\\.[0-9]{4}$'`)
@Check('ck_degree_program__total_credits', 'total_credits > 0')
@Check('ck_degree_program__residency_credits', 'residency_credits >= 0 AND residency_credits <= total_credits')
@Check('ck_degree_program__prior_learning_cap', 'prior_learning_cap >= 0 AND prior_learning_cap <= 1')
export class DegreeProgram extends BaseEntity {
  @Index()
  @Column({ type: 'int' })
  institutionId: number;

  @ManyToOne(() => Institution, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institution_id' })
  institution?: Institution;

  @Field(() => String, { description: 'The program\'s name, e.g. AAS Advanced Manufacturing Technology.' })
  @Index('ix_degree_program__title_trgm', { synchronize: false })
  @Column({ type: 'text' })
  title: string;

  @Field(() => AwardLevel, { description: 'The degree or certificate the program awards.' })
  @Index()
  @Column({ type: 'enum', enum: AwardLevel, enumName: 'award_level' })
  awardLevel: AwardLevel;

  @Field(() => String, { nullable: true, description: 'Classification of Instructional Programs code, NN.NNNN.' })
  @Index()
  @Column({ type: 'text', nullable: true })
  cipCode: string | null;

  @Field(() => Int, { description: 'Credits the program requires in all.' })
  @Column({ type: 'int' })
  totalCredits: number;

  @Field(() => Int, { description: 'Credits that must be earned at the institution itself.' })
  @Column({ type: 'int' })
  residencyCredits: number;

  @Field(() => Float, { description: 'Most prior-learning credit allowed, as a share of total credits (0 to 1).' })
  @Column({ type: 'numeric', precision: 4, scale: 3, transformer: numeric })
  priorLearningCap: number;
}
