import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../core/entity-base';
import { Node } from '../../core/node';
import { Employer } from '../employers/employer.entity';
import { Institution } from '../institutions/institution.entity';

export enum Role {
  ADMIN = 'ADMIN',
  INSTITUTION_STAFF = 'INSTITUTION_STAFF',
  EMPLOYER_PARTNER = 'EMPLOYER_PARTNER',
  ADVISOR = 'ADVISOR',
  PUBLIC = 'PUBLIC',
}
registerEnumType(Role, { name: 'Role', description: 'What a signed-in account may do; PUBLIC is anyone without a token.' });

/** An account. Staff and advisors belong to one institution, employer partners to one employer. */
@ObjectType({ implements: Node, description: 'A person who signs in to the admin console.' })
@Entity({ name: 'app_user' })
@Check('ck_app_user__role', `role <> 'PUBLIC'`)
@Check('ck_app_user__institution_id', `(role IN ('INSTITUTION_STAFF', 'ADVISOR')) = (institution_id IS NOT NULL)`)
@Check('ck_app_user__employer_id', `(role = 'EMPLOYER_PARTNER') = (employer_id IS NOT NULL)`)
export class User extends BaseEntity {
  @Field(() => String)
  @Column({ type: 'text', unique: true })
  email: string;

  @Field(() => String)
  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'text' })
  passwordHash: string;

  @Field(() => Role)
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
}
