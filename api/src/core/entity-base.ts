import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Node } from './node';

/** Columns every table has: an integer key (exposed only as a global ID) and timestamps. */
@ObjectType()
export abstract class BaseEntity extends Node {
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => GraphQLISODateTime, { description: 'When the record was created (UTC).' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { description: 'When the record was last changed (UTC).' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
