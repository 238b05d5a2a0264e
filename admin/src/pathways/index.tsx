import RouteIcon from '@mui/icons-material/Route';
import { PathwayEdit } from './PathwayEdit';
import { PathwayList } from './PathwayList';
import { PathwayStart } from './PathwayStart';
import { PathwayDesigner } from '../codesign/PathwayDesigner';

export default {
  list: PathwayList,
  show: PathwayDesigner,
  edit: PathwayEdit,
  create: PathwayStart,
  icon: RouteIcon,
  recordRepresentation: (pathway: { title: string; version: number }) => `${pathway.title} (v${pathway.version})`,
};
