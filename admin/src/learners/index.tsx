import PersonIcon from '@mui/icons-material/Person';
import { lazyPage } from '../common/lazyPage';

const LearnerCreate = lazyPage(() => import('./LearnerForm'), 'LearnerCreate');
const LearnerEdit = lazyPage(() => import('./LearnerForm'), 'LearnerEdit');
const LearnerList = lazyPage(() => import('./LearnerList'), 'LearnerList');
const LearnerShow = lazyPage(() => import('./LearnerShow'), 'LearnerShow');

export default {
  list: LearnerList,
  show: LearnerShow,
  edit: LearnerEdit,
  create: LearnerCreate,
  icon: PersonIcon,
  recordRepresentation: (learner: { givenName: string; familyName: string }) => `${learner.givenName} ${learner.familyName}`,
};
