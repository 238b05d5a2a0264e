import MenuBookIcon from '@mui/icons-material/MenuBook';
import { FrameworkCreate, FrameworkEdit } from './FrameworkForm';
import { FrameworkList } from './FrameworkList';
import { FrameworkShow } from './FrameworkShow';

export default {
  list: FrameworkList,
  show: FrameworkShow,
  edit: FrameworkEdit,
  create: FrameworkCreate,
  icon: MenuBookIcon,
  recordRepresentation: 'name',
  options: { label: 'Frameworks' },
};
