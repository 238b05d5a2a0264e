import { OutcomeReportResolver } from './outcome.resolver';

export const resolvers = [OutcomeReportResolver] as const;
