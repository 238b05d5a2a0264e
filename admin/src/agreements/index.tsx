import HandshakeIcon from '@mui/icons-material/Handshake';
import { AgreementList } from './AgreementList';
import { AgreementShow } from './AgreementShow';

export default {
  list: AgreementList,
  show: AgreementShow,
  icon: HandshakeIcon,
  recordRepresentation: 'title',
};
