import BusinessIcon from '@mui/icons-material/Business';
import { lazyPage } from '../common/lazyPage';

const EmployerCreate = lazyPage(() => import('./EmployerForm'), 'EmployerCreate');
const EmployerEdit = lazyPage(() => import('./EmployerForm'), 'EmployerEdit');
const EmployerList = lazyPage(() => import('./EmployerList'), 'EmployerList');
const EmployerShow = lazyPage(() => import('./EmployerShow'), 'EmployerShow');

export default {
  list: EmployerList,
  show: EmployerShow,
  edit: EmployerEdit,
  create: EmployerCreate,
  icon: BusinessIcon,
  recordRepresentation: 'name',
};
