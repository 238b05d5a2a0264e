import { CssBaseline } from '@mui/material';
import { Suspense } from 'react';
import { AdminContext, CoreAdminUI, CustomRoutes, LoadingPage, localStorageStore, Notification, Resource } from 'react-admin';
import { BrowserRouter, Route } from 'react-router';
import agreements from './agreements';
import auditLog from './audit';
import { authProvider } from './authProvider';
import competencies from './competencies';
import credentials from './credentials';
import { lazyPage } from './common/lazyPage';
import { createDataProvider } from './dataProvider';
import employers from './employers';
import frameworks from './frameworks';
import { gql } from './graphql';
import { i18nProvider } from './i18nProvider';
import institutions from './institutions';
import learners from './learners';
import occupations from './occupations';
import pathways from './pathways';
import programs from './programs';
import { RESOURCES } from './resources';
import { session } from './session';
import { theme } from './theme';

const dataProvider = createDataProvider(RESOURCES, gql);

/** Every page is its own chunk, fetched when it is first shown (see common/lazyPage.ts). */
const Dashboard = lazyPage(() => import('./dashboard/Dashboard'), 'Dashboard');
const AdvisorPage = lazyPage(() => import('./advising/AdvisorPage'), 'AdvisorPage');
/** The frame of signed-in pages (app bar, menu): the sign-in page does without it. */
export const Layout = lazyPage(() => import('./layout/Layout'), 'Layout');
/** Only people who are not signed in see it, and its form brings react-hook-form with it. */
export const LoginPage = lazyPage(() => import('./layout/LoginPage'), 'LoginPage');
const NotFound = lazyPage(() => import('./layout/ErrorPages'), 'NotFound');
const AccessDenied = lazyPage(() => import('./layout/ErrorPages'), 'AccessDenied');
const AuthenticationError = lazyPage(() => import('./layout/ErrorPages'), 'AuthenticationError');
const ErrorPage = lazyPage(() => import('./layout/ErrorPages'), 'Error');

/**
 * Loads the code of the page an address opens (`/admin` taken off), for the first render to draw
 * it at once. The API has already preloaded that code with index.html (console-routes.ts), so this
 * mostly waits for it to be evaluated.
 */
export function loadFirstPage(route: string): Promise<unknown> {
  if (route === '/login') return LoginPage.preload();
  // Anyone not signed in is sent to the sign-in page.
  if (!session.role()) return Promise.resolve();
  const page =
    route === '' ? Dashboard : route === '/advising' ? AdvisorPage : route === '/pathways' ? pathways.list : /^\/pathways\/[^/]+\/show$/.test(route) ? pathways.show : undefined;
  return Promise.all([Layout.preload(), page?.preload()]);
}

const store = localStorageStore();

/** While index.html's first paint is still up, it is the loading page: nothing is drawn over it. */
const Loading = () => (document.querySelector('.pf-shell') ? null : <LoadingPage />);

/**
 * Real paths under /admin/ rather than hash URLs: the API serves index.html for every one of them.
 * Every page still checks the session and sends anonymous visitors to sign in; `requireAuth` is
 * left off because under a router basename it bounces between logout and /login for seconds.
 *
 * This is react-admin's `<Admin>` taken apart (AdminContext and CoreAdminUI, as its AdminUI does)
 * so that the sign-in page, the layout and the error pages load only when they are shown.
 */
export const App = () => (
  <BrowserRouter basename="/admin">
    <AdminContext dataProvider={dataProvider} authProvider={authProvider} i18nProvider={i18nProvider} store={store} theme={theme}>
      <CssBaseline enableColorScheme>
        <Suspense fallback={<Loading />}>
          <CoreAdminUI
            title="Pathforge"
            layout={Layout}
            loginPage={LoginPage}
            dashboard={Dashboard}
            catchAll={NotFound}
            accessDenied={AccessDenied}
            authenticationError={AuthenticationError}
            error={ErrorPage}
            loading={Loading}
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
          </CoreAdminUI>
        </Suspense>
        <Notification />
      </CssBaseline>
    </AdminContext>
  </BrowserRouter>
);
