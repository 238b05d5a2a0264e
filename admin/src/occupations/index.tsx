import WorkIcon from '@mui/icons-material/Work';
import { OccupationCreate, OccupationEdit } from './OccupationForm';
import { OccupationList } from './OccupationList';
import { OccupationShow } from './OccupationShow';

export default {
  list: OccupationList,
  show: OccupationShow,
  edit: OccupationEdit,
  create: OccupationCreate,
  icon: WorkIcon,
  recordRepresentation: (occupation: { socCode: string; title: string }) => `${occupation.socCode} ${occupation.title}`,
};
