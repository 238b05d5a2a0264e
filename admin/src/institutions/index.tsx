import SchoolIcon from '@mui/icons-material/School';
import { lazyPage } from '../common/lazyPage';

const InstitutionCreate = lazyPage(() => import('./InstitutionForm'), 'InstitutionCreate');
const InstitutionEdit = lazyPage(() => import('./InstitutionForm'), 'InstitutionEdit');
const InstitutionList = lazyPage(() => import('./InstitutionList'), 'InstitutionList');
const InstitutionShow = lazyPage(() => import('./InstitutionShow'), 'InstitutionShow');

export default {
  list: InstitutionList,
  show: InstitutionShow,
  edit: InstitutionEdit,
  create: InstitutionCreate,
  icon: SchoolIcon,
  recordRepresentation: 'name',
};
