import { OccupationCompetencyResolver, OccupationResolver } from './occupation.resolver';
import { registerEntities } from '../../core/registry';
import { Occupation } from './occupation.entity';
import { OccupationCompetency } from './occupation-competency.entity';

export const resolvers = [OccupationResolver, OccupationCompetencyResolver] as const;

registerEntities(Occupation, OccupationCompetency);
