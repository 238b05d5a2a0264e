import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { ProgramCreate, ProgramEdit } from './ProgramForm';
import { ProgramList } from './ProgramList';
import { ProgramShow } from './ProgramShow';

export default {
  list: ProgramList,
  show: ProgramShow,
  edit: ProgramEdit,
  create: ProgramCreate,
  icon: AccountBalanceIcon,
  recordRepresentation: 'title',
};
