import { BulkImportResolver } from './bulk-import.resolver';
import { ImportsResolver } from './imports.resolver';

export const resolvers = [ImportsResolver, BulkImportResolver] as const;
