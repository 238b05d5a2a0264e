import { DataSource } from 'typeorm';
import { Loaders } from './loaders';
import { StatementCounter } from './sql-counter';

export interface Context {
  db: DataSource;
  loaders: Loaders;
  statements: StatementCounter;
}

export function createContext(db: DataSource, statements: StatementCounter = { count: 0 }): Context {
  return { db, loaders: new Loaders(db), statements };
}
