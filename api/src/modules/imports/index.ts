import { ImportsResolver } from './imports.resolver';

export const resolvers = [ImportsResolver] as const;
