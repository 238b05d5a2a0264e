import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { toGlobalId } from '../../core/ids';
import { Role } from '../accounts/user.entity';

export enum AuditAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
}

/** One row written by one mutation: who, when, which mutation, and the values before and after. */
@ObjectType({ description: 'A change made through the API.' })
@Entity()
@Index('ix_audit_entry__record', ['recordType', 'recordId', 'id'])
export class AuditEntry {
  @Field(() => String, { name: 'sequence', description: 'The entry\'s number in the log: a later change has a larger number. Not a global ID (entries are no nodes).' })
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Field(() => GraphQLISODateTime, { description: 'When the change was written (UTC).' })
  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Index()
  @Column({ type: 'int', nullable: true })
  userId: number | null;

  @Field(() => Role, { description: 'The role of the account that made the change.' })
  @Column({ type: 'enum', enum: Role, enumName: 'role' })
  role: Role;

  @Field(() => String, { description: 'The GraphQL mutation, e.g. "pathwayUpdate".' })
  @Column({ type: 'text' })
  mutation: string;

  @Field(() => String, { description: 'CREATE, UPDATE or DELETE.' })
  @Column({ type: 'text' })
  action: AuditAction;

  @Field(() => String, { description: 'The GraphQL type of the changed record, e.g. "Pathway".' })
  @Column({ type: 'text' })
  recordType: string;

  @Column({ type: 'int' })
  recordId: number;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The record\'s own values before the change, by field name (ids are the database\'s numbers, not global IDs); null for CREATE. Password hashes are left out.' })
  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The record\'s own values after the change, as in before; null for DELETE.' })
  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Field(() => ID, { description: 'Global ID of the changed record.' })
  get record(): string {
    return toGlobalId(this.recordType, this.recordId);
  }
}
