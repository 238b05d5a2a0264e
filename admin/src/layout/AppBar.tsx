import MenuIcon from '@mui/icons-material/Menu';
import RouteIcon from '@mui/icons-material/Route';
import MuiAppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import type { Theme } from '@mui/material/styles';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { Suspense } from 'react';
import { TitlePortal, useSidebarState, useTranslate } from 'react-admin';
import { useFirstContentDrawn, useFrameDrawn } from '../common/firstContent';
import { lazyPage } from '../common/lazyPage';

const LoadingIndicator = lazyPage(() => import('./AppBarTools'), 'LoadingIndicator');
const UserMenu = lazyPage(() => import('./AppBarTools'), 'UserMenu');

const Brand = () => (
  <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mr: { xs: 1, sm: 3 }, flexShrink: 0 }}>
    <RouteIcon aria-hidden />
    <Typography component="span" sx={{ fontWeight: 700, fontSize: '1.15rem', letterSpacing: '0.01em' }}>
      Pathforge
    </Typography>
  </Box>
);

/** Opens and closes the sidebar; a plain button, named by what it does (react-admin's wraps it in a tooltip). */
const SidebarToggle = () => {
  const translate = useTranslate();
  const [open, setOpen] = useSidebarState();
  return (
    <IconButton color="inherit" aria-label={translate(open ? 'ra.action.close_menu' : 'ra.action.open_menu')} onClick={() => setOpen(!open)} sx={{ mr: '0.2em' }}>
      <MenuIcon sx={{ transition: 'transform 195ms', transform: open ? 'rotate(180deg)' : 'none' }} />
    </IconButton>
  );
};

/**
 * react-admin's app bar (class names included) put together here so that its user menu and loading
 * indicator, with the menus, popovers and tooltips they bring, load once the first page has drawn
 * its content instead of with the frame (see common/firstContent.ts).
 */
export const AppBar = () => {
  const isXSmall = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  useFrameDrawn();
  const contentDrawn = useFirstContentDrawn();
  return (
    <MuiAppBar className="RaAppBar-appBar" color="primary" sx={{ '& .RaAppBar-toolbar': { px: 1, minHeight: { xs: 48, md: undefined } } }}>
      <Toolbar disableGutters variant={isXSmall ? 'regular' : 'dense'} className="RaAppBar-toolbar">
        <SidebarToggle />
        <Brand />
        <TitlePortal sx={{ opacity: 0.85, fontSize: '1rem', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} />
        {contentDrawn && (
          <Suspense fallback={null}>
            <LoadingIndicator />
            <UserMenu />
          </Suspense>
        )}
      </Toolbar>
    </MuiAppBar>
  );
};
