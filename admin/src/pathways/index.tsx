import RouteIcon from '@mui/icons-material/Route';
import { PathwayEdit } from './PathwayEdit';
import { PathwayList } from './PathwayList';
import { PathwayDesigner } from '../codesign/PathwayDesigner';

export default {
  list: PathwayList,
  show: PathwayDesigner,
  edit: PathwayEdit,
  icon: RouteIcon,
  recordRepresentation: (pathway: { title: string; version: number }) => `${pathway.title} (v${pathway.version})`,
};
