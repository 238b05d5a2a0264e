import ChecklistIcon from '@mui/icons-material/Checklist';
import { lazyPage } from '../common/lazyPage';

const CompetencyCreate = lazyPage(() => import('./CompetencyForm'), 'CompetencyCreate');
const CompetencyEdit = lazyPage(() => import('./CompetencyForm'), 'CompetencyEdit');
const CompetencyList = lazyPage(() => import('./CompetencyList'), 'CompetencyList');
const CompetencyShow = lazyPage(() => import('./CompetencyShow'), 'CompetencyShow');

export default {
  list: CompetencyList,
  show: CompetencyShow,
  edit: CompetencyEdit,
  create: CompetencyCreate,
  icon: ChecklistIcon,
  recordRepresentation: (competency: { code: string; statement: string }) => `${competency.code} ${competency.statement}`,
  options: { label: 'Competencies' },
};
