import 'reflect-metadata';
import './modules';
import { createDataSource } from './core/database';

/** For the TypeORM CLI (`migration:generate` and friends): the server named by DATABASE_URL. */
export default createDataSource({ url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/pathforge_dev' });
