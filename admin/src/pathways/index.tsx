import RouteIcon from '@mui/icons-material/Route';
import { PathwayEdit } from './PathwayEdit';
import { PathwayList } from './PathwayList';
import { PathwayShow } from './PathwayShow';

export default {
  list: PathwayList,
  show: PathwayShow,
  edit: PathwayEdit,
  icon: RouteIcon,
  recordRepresentation: (pathway: { title: string; version: number }) => `${pathway.title} (v${pathway.version})`,
};
