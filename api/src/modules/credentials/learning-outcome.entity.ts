import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../core/entity-base';
import { Node } from '../../core/node';
import { Credential } from './credential.entity';
import { PublicData } from '../../core/public-data';

@PublicData()
@ObjectType({ implements: Node, description: 'What a learner can do after earning a credential.' })
@Entity()
export class LearningOutcome extends BaseEntity {
  @Index()
  @Column({ type: 'int' })
  credentialId: number;

  @ManyToOne(() => Credential, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'credential_id' })
  credential?: Credential;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  position: number;

  @Field(() => String)
  @Column({ type: 'text' })
  statement: string;
}
