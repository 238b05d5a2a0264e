import PersonIcon from '@mui/icons-material/Person';
import { LearnerCreate, LearnerEdit } from './LearnerForm';
import { LearnerList } from './LearnerList';
import { LearnerShow } from './LearnerShow';

export default {
  list: LearnerList,
  show: LearnerShow,
  edit: LearnerEdit,
  create: LearnerCreate,
  icon: PersonIcon,
  recordRepresentation: (learner: { givenName: string; familyName: string }) => `${learner.givenName} ${learner.familyName}`,
};
