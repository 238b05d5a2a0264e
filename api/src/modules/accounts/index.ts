import './user.policy';
import { AccountsResolver } from './accounts.resolver';
import { registerEntities } from '../../core/registry';
import { User } from './user.entity';

export const resolvers = [AccountsResolver] as const;

registerEntities(User);
