import WorkspacePremiumIcon from '@mui/icons-material/WorkspacePremium';
import { CredentialList } from './CredentialList';
import { CredentialShow } from './CredentialShow';

export default {
  list: CredentialList,
  show: CredentialShow,
  icon: WorkspacePremiumIcon,
  recordRepresentation: 'title',
};
