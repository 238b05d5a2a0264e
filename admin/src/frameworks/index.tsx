import MenuBookIcon from '@mui/icons-material/MenuBook';
import { lazyPage } from '../common/lazyPage';

const FrameworkCreate = lazyPage(() => import('./FrameworkForm'), 'FrameworkCreate');
const FrameworkEdit = lazyPage(() => import('./FrameworkForm'), 'FrameworkEdit');
const FrameworkList = lazyPage(() => import('./FrameworkList'), 'FrameworkList');
const FrameworkShow = lazyPage(() => import('./FrameworkShow'), 'FrameworkShow');

export default {
  list: FrameworkList,
  show: FrameworkShow,
  edit: FrameworkEdit,
  create: FrameworkCreate,
  icon: MenuBookIcon,
  recordRepresentation: 'name',
  options: { label: 'Frameworks' },
};
