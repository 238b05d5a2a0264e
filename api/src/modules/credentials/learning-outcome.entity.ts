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

  @Field(() => Int, { description: 'Order within the credential, lowest first (0 when not given).' })
  @Column({ type: 'int', default: 0 })
  position: number;

  @Field(() => String, { description: 'What the learner can do, e.g. "Configure a small office network".' })
  @Column({ type: 'text' })
  statement: string;
}
