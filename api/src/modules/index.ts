import { markModulesRegistered } from '../core/registry';
import { resolvers as accounts } from './accounts';
import { resolvers as advising } from './advising';
import { resolvers as articulation } from './articulation';
import { resolvers as audit } from './audit';
import { resolvers as codesign } from './codesign';
import { resolvers as credentials } from './credentials';
import { resolvers as employers } from './employers';
import { resolvers as imports } from './imports';
import { resolvers as institutions } from './institutions';
import { resolvers as interop } from './interop';
import { resolvers as learners } from './learners';
import { resolvers as occupations } from './occupations';
import { resolvers as outcomes } from './outcomes';
import { resolvers as pathways } from './pathways';
import { resolvers as standards } from './standards';

/**
 * Every module, loaded: each registers its entities, subscribers and mutation hooks with core as
 * it loads. Anything that opens a database or builds the schema imports this first.
 */
export const moduleResolvers = [
  ...accounts,
  ...audit,
  ...institutions,
  ...employers,
  ...occupations,
  ...standards,
  ...credentials,
  ...pathways,
  ...codesign,
  ...articulation,
  ...learners,
  ...advising,
  ...outcomes,
  ...imports,
  ...interop,
];

markModulesRegistered();
