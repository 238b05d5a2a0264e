import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { lazyPage } from '../common/lazyPage';

const ProgramCreate = lazyPage(() => import('./ProgramForm'), 'ProgramCreate');
const ProgramEdit = lazyPage(() => import('./ProgramForm'), 'ProgramEdit');
const ProgramList = lazyPage(() => import('./ProgramList'), 'ProgramList');
const ProgramShow = lazyPage(() => import('./ProgramShow'), 'ProgramShow');

export default {
  list: ProgramList,
  show: ProgramShow,
  edit: ProgramEdit,
  create: ProgramCreate,
  icon: AccountBalanceIcon,
  recordRepresentation: 'title',
};
