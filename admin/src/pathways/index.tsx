import RouteIcon from '@mui/icons-material/Route';
import { lazyPage } from '../common/lazyPage';

const PathwayEdit = lazyPage(() => import('./PathwayEdit'), 'PathwayEdit');
const PathwayList = lazyPage(() => import('./PathwayList'), 'PathwayList');
const PathwayStart = lazyPage(() => import('./PathwayStart'), 'PathwayStart');
const PathwayDesigner = lazyPage(() => import('../codesign/PathwayDesigner'), 'PathwayDesigner');

export default {
  list: PathwayList,
  show: PathwayDesigner,
  edit: PathwayEdit,
  create: PathwayStart,
  icon: RouteIcon,
  recordRepresentation: (pathway: { title: string; version: number }) => `${pathway.title} (v${pathway.version})`,
};
