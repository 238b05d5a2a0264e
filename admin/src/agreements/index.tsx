import HandshakeIcon from '@mui/icons-material/Handshake';
import { lazyPage } from '../common/lazyPage';

const AgreementCreate = lazyPage(() => import('./AgreementForm'), 'AgreementCreate');
const AgreementEdit = lazyPage(() => import('./AgreementForm'), 'AgreementEdit');
const AgreementList = lazyPage(() => import('./AgreementList'), 'AgreementList');
const AgreementShow = lazyPage(() => import('./AgreementShow'), 'AgreementShow');

export default {
  list: AgreementList,
  show: AgreementShow,
  edit: AgreementEdit,
  create: AgreementCreate,
  icon: HandshakeIcon,
  recordRepresentation: 'title',
};
