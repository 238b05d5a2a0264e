import HandshakeIcon from '@mui/icons-material/Handshake';
import { AgreementCreate, AgreementEdit } from './AgreementForm';
import { AgreementList } from './AgreementList';
import { AgreementShow } from './AgreementShow';

export default {
  list: AgreementList,
  show: AgreementShow,
  edit: AgreementEdit,
  create: AgreementCreate,
  icon: HandshakeIcon,
  recordRepresentation: 'title',
};
