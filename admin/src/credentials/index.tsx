import WorkspacePremiumIcon from '@mui/icons-material/WorkspacePremium';
import { lazyPage } from '../common/lazyPage';

const CredentialCreate = lazyPage(() => import('./CredentialForm'), 'CredentialCreate');
const CredentialEdit = lazyPage(() => import('./CredentialForm'), 'CredentialEdit');
const CredentialList = lazyPage(() => import('./CredentialList'), 'CredentialList');
const CredentialShow = lazyPage(() => import('./CredentialShow'), 'CredentialShow');

export default {
  list: CredentialList,
  show: CredentialShow,
  edit: CredentialEdit,
  create: CredentialCreate,
  icon: WorkspacePremiumIcon,
  recordRepresentation: 'title',
};
