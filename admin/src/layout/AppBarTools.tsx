import CircularProgress from '@mui/material/CircularProgress';
import { RefreshIconButton, useLoading } from 'react-admin';

/** The app bar's user menu, with MUI's menus and popovers: loaded after the first paint. */
export { UserMenu } from 'react-admin';

/** While anything loads a named spinner, otherwise the button that reloads the page's data. */
export const LoadingIndicator = () =>
  useLoading() ? (
    <CircularProgress color="inherit" size={18} thickness={5} aria-label="Loading" sx={{ mx: '15px' }} />
  ) : (
    <RefreshIconButton />
  );
