import { Admin, CustomRoutes, Resource } from 'react-admin';
import { BrowserRouter, Route } from 'react-router';
import { AdvisorPage } from './advising/AdvisorPage';
import agreements from './agreements';
import auditLog from './audit';
import { authProvider } from './authProvider';
import competencies from './competencies';
import credentials from './credentials';
import { Dashboard } from './dashboard/Dashboard';
import { createDataProvider } from './dataProvider';
import employers from './employers';
import frameworks from './frameworks';
import { gql } from './graphql';
import { i18nProvider } from './i18nProvider';
import institutions from './institutions';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import learners from './learners';
import occupations from './occupations';
import pathways from './pathways';
import programs from './programs';
import { RESOURCES } from './resources';
import { theme } from './theme';

const dataProvider = createDataProvider(RESOURCES, gql);

/**
 * Real paths under /admin/ rather than hash URLs: the API serves index.html for every one of them.
 * Every page still checks the session and sends anonymous visitors to sign in; `requireAuth` is
 * left off because under a router basename it bounces between logout and /login for seconds.
 */
export const App = () => (
  <BrowserRouter basename="/admin">
    <Admin
      title="Pathforge"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      loginPage={LoginPage}
      layout={Layout}
      theme={theme}
      dashboard={Dashboard}
      disableTelemetry
    >
      <Resource name="pathways" {...pathways} />
      <Resource name="credentials" {...credentials} />
      <Resource name="occupations" {...occupations} />
      <Resource name="employers" {...employers} />
      <Resource name="institutions" {...institutions} />
      <Resource name="degreePrograms" {...programs} />
      <Resource name="articulationAgreements" {...agreements} />
      <Resource name="learners" {...learners} />
      <Resource name="competencyFrameworks" {...frameworks} />
      <Resource name="competencies" {...competencies} />
      <Resource name="auditLog" {...auditLog} />
      <CustomRoutes>
        <Route path="/advising" element={<AdvisorPage />} />
      </CustomRoutes>
    </Admin>
  </BrowserRouter>
);
