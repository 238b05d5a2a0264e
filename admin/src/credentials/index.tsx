import WorkspacePremiumIcon from '@mui/icons-material/WorkspacePremium';
import { CredentialCreate, CredentialEdit } from './CredentialForm';
import { CredentialList } from './CredentialList';
import { CredentialShow } from './CredentialShow';

export default {
  list: CredentialList,
  show: CredentialShow,
  edit: CredentialEdit,
  create: CredentialCreate,
  icon: WorkspacePremiumIcon,
  recordRepresentation: 'title',
};
