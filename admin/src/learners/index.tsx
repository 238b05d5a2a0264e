import PersonIcon from '@mui/icons-material/Person';
import { LearnerList } from './LearnerList';
import { LearnerShow } from './LearnerShow';

export default {
  list: LearnerList,
  show: LearnerShow,
  icon: PersonIcon,
  recordRepresentation: (learner: { givenName: string; familyName: string }) => `${learner.givenName} ${learner.familyName}`,
};
