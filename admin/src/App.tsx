import { Admin, Resource } from 'react-admin';
import agreements from './agreements';
import { authProvider } from './authProvider';
import credentials from './credentials';
import { dataProvider } from './dataProvider';
import employers from './employers';
import institutions from './institutions';
import learners from './learners';
import occupations from './occupations';
import pathways from './pathways';
import programs from './programs';
import { theme } from './theme';

export const App = () => (
  <Admin title="Pathforge" dataProvider={dataProvider} authProvider={authProvider} theme={theme} requireAuth basename="/admin">
    <Resource name="pathways" {...pathways} />
    <Resource name="credentials" {...credentials} />
    <Resource name="occupations" {...occupations} />
    <Resource name="employers" {...employers} />
    <Resource name="institutions" {...institutions} />
    <Resource name="degreePrograms" options={{ label: 'Degree programs' }} {...programs} />
    <Resource name="articulationAgreements" options={{ label: 'Agreements' }} {...agreements} />
    <Resource name="learners" {...learners} />
  </Admin>
);
