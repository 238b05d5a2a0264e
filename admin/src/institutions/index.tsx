import SchoolIcon from '@mui/icons-material/School';
import { InstitutionCreate, InstitutionEdit } from './InstitutionForm';
import { InstitutionList } from './InstitutionList';
import { InstitutionShow } from './InstitutionShow';

export default {
  list: InstitutionList,
  show: InstitutionShow,
  edit: InstitutionEdit,
  create: InstitutionCreate,
  icon: SchoolIcon,
  recordRepresentation: 'name',
};
