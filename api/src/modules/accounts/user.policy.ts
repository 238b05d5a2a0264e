import { definePolicy } from '../../core/access';
import { User } from './user.entity';

/** Accounts are managed by admins; anyone signed in may see their own. */
definePolicy(User, {
  canRead: (ctx, user) => ctx.viewer.userId === user.id,
  canWrite: () => false,
});
