import BusinessIcon from '@mui/icons-material/Business';
import { EmployerCreate, EmployerEdit } from './EmployerForm';
import { EmployerList } from './EmployerList';
import { EmployerShow } from './EmployerShow';

export default {
  list: EmployerList,
  show: EmployerShow,
  edit: EmployerEdit,
  create: EmployerCreate,
  icon: BusinessIcon,
  recordRepresentation: 'name',
};
