import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { ProgramList } from './ProgramList';
import { ProgramShow } from './ProgramShow';

export default {
  list: ProgramList,
  show: ProgramShow,
  icon: AccountBalanceIcon,
  recordRepresentation: 'title',
};
