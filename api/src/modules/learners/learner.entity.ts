import { Field, ObjectType, Int } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../core/entity-base';
import { Node } from '../../core/node';
import { Institution } from '../institutions/institution.entity';

@ObjectType({ implements: Node, description: 'A person whose credentials and prior learning an advisor maps onto degree routes.' })
@Entity()
export class Learner extends BaseEntity {
  @Field(() => Int, { description: 'Edit counter of this learner, its own fields and its awards and prior-learning claims; send it back with an edit to detect concurrent ones.' })
  @Column({ type: 'int', default: 1 })
  revision: number;

  @Index()
  @Column({ type: 'int' })
  institutionId: number;

  @ManyToOne(() => Institution, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institution_id' })
  institution?: Institution;

  @Field(() => String, { description: 'First name.' })
  @Index('ix_learner__given_name_trgm', { synchronize: false })
  @Column({ type: 'text' })
  givenName: string;

  @Field(() => String, { description: 'Last name; learner lists sort by it.' })
  @Index()
  @Index('ix_learner__family_name_trgm', { synchronize: false })
  @Column({ type: 'text' })
  familyName: string;

  @Field(() => String, { description: 'The learner\'s email, stored in lower case; unique.' })
  @Column({ type: 'text', unique: true })
  email: string;

  @Field(() => String, { nullable: true, description: 'Student number at the institution.' })
  @Column({ type: 'text', nullable: true })
  externalId: string | null;
}
