import './user.policy';
import { AccountsResolver } from './accounts.resolver';

export const resolvers = [AccountsResolver] as const;
