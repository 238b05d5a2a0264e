import { session } from '../session';
import { roleCan } from './access';

/**
 * What authProvider.canAccess answers for the signed-in role, read at once. react-admin's
 * useCanAccess asks through react-query and answers on a later tick, and each answer re-renders
 * its component in one blocking piece: the menu's dozen items did so one by one on the first
 * screen. Where the rule is only the role's, this draws the item whole in the first render.
 */
export const sessionCan = (resource: string, action: string): boolean => roleCan(session.role(), resource, action);
