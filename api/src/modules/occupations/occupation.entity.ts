import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../core/entity-base';
import { Node } from '../../core/node';
import { numeric } from '../../core/scalars';

export const SOC_CODE = /^\d{2}-\d{4}$/;
export const ONET_SOC_CODE = /^\d{2}-\d{4}\.\d{2}$/;

@ObjectType({ implements: Node, description: 'A job in the national occupational classification (SOC 2018).' })
@Entity()
@Check('ck_occupation__soc_code', `soc_code ~ '^[0-9]{2}-[0-9]{4}$'`)
@Check('ck_occupation__onet_soc_code', `onet_soc_code ~ '^[0-9]{2}-[0-9]{4}\\.[0-9]{2}$'`)
@Check('ck_occupation__median_annual_wage', 'median_annual_wage >= 0')
@Check('ck_occupation__wage_year', 'wage_year BETWEEN 1990 AND 2100')
@Check('ck_occupation__job_zone', 'job_zone BETWEEN 1 AND 5')
export class Occupation extends BaseEntity {
  @Field(() => String, { description: 'SOC 2018 code, NN-NNNN, e.g. 15-1232.' })
  @Column({ type: 'text', unique: true })
  socCode: string;

  @Field(() => String, { nullable: true, description: 'O*NET-SOC code, NN-NNNN.NN, e.g. 15-1232.00.' })
  @Column({ type: 'text', nullable: true })
  onetSocCode: string | null;

  @Field(() => String)
  @Index('ix_occupation__title_trgm', { synchronize: false })
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => Float, { nullable: true, description: 'Median annual wage in US dollars.' })
  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: numeric })
  medianAnnualWage: number | null;

  @Field(() => String, { nullable: true, description: 'Where the wage comes from, e.g. "BLS OEWS".' })
  @Column({ type: 'text', nullable: true })
  wageSource: string | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  wageYear: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  typicalEducation: string | null;

  @Field(() => String, { nullable: true, description: 'Where typicalEducation came from: "BLS" (entry-level education), "O*NET job zone", or null when not recorded (kept by imports).' })
  @Column({ type: 'text', nullable: true })
  typicalEducationSource: string | null;

  @Field(() => Int, { nullable: true, description: 'O*NET job zone, 1 (little preparation) to 5 (extensive).' })
  @Index()
  @Column({ type: 'int', nullable: true })
  jobZone: number | null;

  @Field(() => [String], { description: 'Task statements.' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tasks: string[];
}
