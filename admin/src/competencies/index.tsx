import ChecklistIcon from '@mui/icons-material/Checklist';
import { CompetencyCreate, CompetencyEdit } from './CompetencyForm';
import { CompetencyList } from './CompetencyList';
import { CompetencyShow } from './CompetencyShow';

export default {
  list: CompetencyList,
  show: CompetencyShow,
  edit: CompetencyEdit,
  create: CompetencyCreate,
  icon: ChecklistIcon,
  recordRepresentation: (competency: { code: string; statement: string }) => `${competency.code} ${competency.statement}`,
  options: { label: 'Competencies' },
};
