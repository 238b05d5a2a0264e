import { OutcomeReportResolver } from './outcome.resolver';
import { registerEntities } from '../../core/registry';
import { OutcomeReport } from './outcome-report.entity';

export const resolvers = [OutcomeReportResolver] as const;

registerEntities(OutcomeReport);
