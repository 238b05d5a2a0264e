import WorkIcon from '@mui/icons-material/Work';
import { lazyPage } from '../common/lazyPage';

const OccupationCreate = lazyPage(() => import('./OccupationForm'), 'OccupationCreate');
const OccupationEdit = lazyPage(() => import('./OccupationForm'), 'OccupationEdit');
const OccupationList = lazyPage(() => import('./OccupationList'), 'OccupationList');
const OccupationShow = lazyPage(() => import('./OccupationShow'), 'OccupationShow');

export default {
  list: OccupationList,
  show: OccupationShow,
  edit: OccupationEdit,
  create: OccupationCreate,
  icon: WorkIcon,
  recordRepresentation: (occupation: { socCode: string; title: string }) => `${occupation.socCode} ${occupation.title}`,
};
