import { Field, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { BaseEntity } from '../../core/entity-base';
import { Node } from '../../core/node';
import { Credential } from './credential.entity';
import { PublicData } from '../../core/public-data';

@PublicData()
@ObjectType({ implements: Node, description: 'A mastery level of a credential\'s rubric; awards record the level reached.' })
@Entity()
@Unique('uq_rubric_level__credential_level', ['credentialId', 'level'])
@Check('ck_rubric_level__level', 'level >= 1')
export class RubricLevel extends BaseEntity {
  @Index()
  @Column({ type: 'int' })
  credentialId: number;

  @ManyToOne(() => Credential, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'credential_id' })
  credential?: Credential;

  @Field(() => Int, { description: 'Ordinal mastery level, 1 = lowest.' })
  @Column({ type: 'int' })
  level: number;

  @Field(() => String, { description: 'The level\'s name, e.g. "Proficient".' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { description: 'What a learner must show to reach this level.' })
  @Column({ type: 'text' })
  criteria: string;
}
