import { styled } from '@mui/material/styles';
import { ErrorInfo, ReactNode, Suspense, useState } from 'react';
import { Loading, Sidebar } from 'react-admin';
import { ErrorBoundary } from 'react-error-boundary';
import { lazyPage } from '../common/lazyPage';
import { AppBar } from './AppBar';
import { Menu } from './Menu';
import { SkipNavigationButton } from './SkipNavigationButton';

/** Shown only when a page fails: react-admin's error page brings its own title (with the title editor's form controls) and accordions. */
const ErrorPage = lazyPage(() => import('./ErrorPages'), 'Error');

const PREFIX = 'RaLayout';
const classes = { appFrame: `${PREFIX}-appFrame`, contentWithSidebar: `${PREFIX}-contentWithSidebar`, content: `${PREFIX}-content` };

/**
 * react-admin's layout, class names and theme overrides included, without its preferences
 * inspector (whose editors would load every form control on the first screen, for a feature the
 * console does not offer) and without `min-width: fit-content`, so a phone-width page can shrink.
 */
const Root = styled('div', { name: PREFIX, overridesResolver: (_props, styles) => styles.root })(({ theme }) => ({
  display: 'flex',
  flexDirection: 'column',
  zIndex: 1,
  minHeight: '100vh',
  backgroundColor: theme.palette.background.default,
  position: 'relative',
  width: '100%',
  [`& .${classes.appFrame}`]: {
    display: 'flex',
    flexDirection: 'column',
    flexGrow: 1,
    marginTop: theme.spacing(6),
    [theme.breakpoints.down('sm')]: { marginTop: theme.spacing(7) },
  },
  [`& .${classes.contentWithSidebar}`]: { display: 'flex', flexGrow: 1 },
  [`& .${classes.content}`]: {
    backgroundColor: theme.palette.background.default,
    zIndex: 2,
    display: 'flex',
    flexDirection: 'column',
    flexGrow: 1,
    flexBasis: 0,
    padding: 0,
    paddingRight: theme.spacing(1),
    paddingLeft: theme.spacing(1),
  },
}));

export const Layout = ({ children }: { children: ReactNode }) => {
  const [errorInfo, setErrorInfo] = useState<ErrorInfo | undefined>(undefined);
  return (
    <Root className="layout">
      <SkipNavigationButton />
      <div className={classes.appFrame}>
        <AppBar />
        <main className={classes.contentWithSidebar}>
          <Sidebar>
            <Menu />
          </Sidebar>
          <div id="main-content" className={classes.content}>
            <ErrorBoundary
              onError={(_error, info) => setErrorInfo(info)}
              fallbackRender={({ error, resetErrorBoundary }) => (
                <Suspense fallback={<Loading />}>
                  <ErrorPage error={error} errorInfo={errorInfo} resetErrorBoundary={resetErrorBoundary} />
                </Suspense>
              )}
            >
              <Suspense fallback={<Loading />}>{children}</Suspense>
            </ErrorBoundary>
          </div>
        </main>
      </div>
    </Root>
  );
};
