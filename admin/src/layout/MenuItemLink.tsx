import DefaultIcon from '@mui/icons-material/ViewList';
import ListItemIcon from '@mui/material/ListItemIcon';
import MenuItem from '@mui/material/MenuItem';
import { styled, Theme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { ComponentProps, createElement, ElementType, forwardRef, lazy, ReactElement, ReactNode, Suspense } from 'react';
import { LinkBase, useBasename, useCreatePath, useGetResourceLabel, useMatch, useResourceDefinitions, useSidebarState, useTranslate } from 'react-admin';
import { sessionCan } from '../common/sessionCan';

/**
 * react-admin's menu items (`Menu.Item`, `Menu.DashboardItem`, `Menu.ResourceItem`), with their
 * class names, styles and behaviour, save two things the console does not use or need at once:
 * keyboard shortcuts, which brought react-hotkeys-hook, and a tooltip imported up front, which
 * brought MUI's Popper. The tooltip shows the item's name while the sidebar is closed, as
 * react-admin's does; its code is fetched only then.
 */
const Tooltip = lazy(() => import('@mui/material/Tooltip'));

const PREFIX = 'RaMenuItemLink';
const classes = { root: `${PREFIX}-root`, active: `${PREFIX}-active`, icon: `${PREFIX}-icon` };

const StyledMenuItem = styled(MenuItem, { name: PREFIX, overridesResolver: (_props, styles) => styles.root })(({ theme }) => ({
  color: (theme.vars || theme).palette.text.secondary,
  [`&.${classes.active}`]: { color: (theme.vars || theme).palette.text.primary },
  [`& .${classes.icon}`]: { color: (theme.vars || theme).palette.text.secondary, minWidth: theme.spacing(5) },
  [`.MuiList-dense > & > .${classes.icon}`]: { minWidth: theme.spacing(3.5) },
})) as typeof MenuItem;

const LinkRef: ElementType = forwardRef<HTMLAnchorElement, ComponentProps<typeof LinkBase>>((props, ref) => <LinkBase ref={ref} {...props} />);

export function MenuItemLink({ to, primaryText, leftIcon, state }: { to: string; primaryText: ReactNode; leftIcon?: ReactElement; state?: unknown }) {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const translate = useTranslate();
  const basename = useBasename();
  const [open, setOpen] = useSidebarState();
  const match = useMatch({ path: to, end: to === `${basename}/` });
  const text = typeof primaryText === 'string' ? translate(primaryText, { _: primaryText }) : primaryText;
  const item = (
    <StyledMenuItem
      className={match ? `${classes.root} ${classes.active}` : classes.root}
      component={LinkRef}
      {...{ to, state }}
      tabIndex={0}
      onClick={() => {
        if (isSmall) setOpen(false);
      }}
    >
      {leftIcon && <ListItemIcon className={classes.icon}>{leftIcon}</ListItemIcon>}
      <Typography variant="inherit" noWrap sx={{ flexGrow: 1 }}>
        {text}
      </Typography>
    </StyledMenuItem>
  );
  if (open) return item;
  return (
    <Suspense fallback={item}>
      <Tooltip title={text} placement="right">
        {item}
      </Tooltip>
    </Suspense>
  );
}

export function DashboardMenuItem({ icon }: { icon: ReactElement }) {
  const basename = useBasename();
  return <MenuItemLink to={`${basename}/`} primaryText="ra.page.dashboard" leftIcon={icon} />;
}

export function ResourceMenuItem({ name }: { name: string }) {
  const resources = useResourceDefinitions();
  const getResourceLabel = useGetResourceLabel();
  const createPath = useCreatePath();
  if (!resources[name] || !sessionCan(name, 'list')) return null;
  return (
    <MenuItemLink
      to={createPath({ resource: name, type: 'list' })}
      state={{ _scrollToTop: true }}
      primaryText={<>{getResourceLabel(name, 2)}</>}
      leftIcon={resources[name].icon ? createElement(resources[name].icon) : <DefaultIcon />}
    />
  );
}
