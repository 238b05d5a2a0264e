import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../core/entity-base';
import { Node } from '../../core/node';
import { Role } from '../../core/viewer';
import { Employer } from '../employers/employer.entity';
import { Institution } from '../institutions/institution.entity';

export { Role };

/** An account. Staff and advisors belong to one institution, employer partners to one employer. */
@ObjectType({ implements: Node, description: 'A person who signs in to the admin console.' })
@Entity({ name: 'app_user' })
@Check('ck_app_user__role', `role <> 'PUBLIC'`)
@Check('ck_app_user__institution_id', `(role IN ('INSTITUTION_STAFF', 'ADVISOR')) = (institution_id IS NOT NULL)`)
@Check('ck_app_user__employer_id', `(role = 'EMPLOYER_PARTNER') = (employer_id IS NOT NULL)`)
export class User extends BaseEntity {
  @Field(() => String, { description: 'The address the account signs in with; unique.' })
  @Column({ type: 'text', unique: true })
  email: string;

  @Field(() => String, { description: 'The person\'s name as shown in the console and as the author of comments.' })
  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'text' })
  passwordHash: string;

  @Field(() => Role, { description: 'What the account may do; staff and advisors act for one institution, employer partners for one employer.' })
  @Index()
  @Column({ type: 'enum', enum: Role, enumName: 'role' })
  role: Role;

  @Index()
  @Column({ type: 'int', nullable: true })
  institutionId: number | null;

  @ManyToOne(() => Institution, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'institution_id' })
  institution?: Institution;

  @Index()
  @Column({ type: 'int', nullable: true })
  employerId: number | null;

  @ManyToOne(() => Employer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employer_id' })
  employer?: Employer;

  /**
   * Tokens carry it (claim `ver`) and are refused once it has moved on; a trigger moves it when
   * the password, role, institution, employer or deactivation changes.
   */
  @Column({ type: 'int', default: 0 })
  tokenVersion: number;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When an administrator deactivated the account: it cannot sign in and its tokens stopped working then. Null while active.' })
  @Column({ type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;
}
