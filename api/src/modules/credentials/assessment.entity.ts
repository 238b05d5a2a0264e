import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../core/entity-base';
import { Node } from '../../core/node';
import { Credential } from './credential.entity';
import { PublicData } from '../../core/public-data';

export enum AssessmentMethod {
  TASK = 'TASK',
  SIMULATION = 'SIMULATION',
  PORTFOLIO = 'PORTFOLIO',
  EXAM = 'EXAM',
  OBSERVATION = 'OBSERVATION',
}
registerEnumType(AssessmentMethod, {
  name: 'AssessmentMethod',
  description: 'How a credential assesses the learner.',
  valuesConfig: {
    TASK: { description: 'The learner performs a real or realistic task.' },
    SIMULATION: { description: 'The learner works through a simulated scenario or environment.' },
    PORTFOLIO: { description: 'The learner submits a body of work for review.' },
    EXAM: { description: 'A written, oral or online exam.' },
    OBSERVATION: { description: 'An assessor observes the learner at work.' },
  },
});

@PublicData()
@ObjectType({ implements: Node, description: 'How a credential is assessed; a credential without one cannot be published.' })
@Entity()
export class Assessment extends BaseEntity {
  @Index()
  @Column({ type: 'int' })
  credentialId: number;

  @ManyToOne(() => Credential, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'credential_id' })
  credential?: Credential;

  @Field(() => AssessmentMethod, { description: 'How the learner is assessed.' })
  @Column({ type: 'enum', enum: AssessmentMethod, enumName: 'assessment_method' })
  method: AssessmentMethod;

  @Field(() => String, { description: 'What the assessment asks of the learner.' })
  @Column({ type: 'text' })
  description: string;
}
