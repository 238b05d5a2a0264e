import DashboardIcon from '@mui/icons-material/Dashboard';
import SchoolIcon from '@mui/icons-material/School';
import ListSubheader from '@mui/material/ListSubheader';
import MenuList from '@mui/material/MenuList';
import { styled, Theme } from '@mui/material/styles';
import { ReactNode } from 'react';
import { CLOSED_DRAWER_WIDTH, DRAWER_WIDTH, useSidebarState } from 'react-admin';
import { sessionCan } from '../common/sessionCan';
import { DashboardMenuItem, MenuItemLink, ResourceMenuItem } from './MenuItemLink';

const PREFIX = 'RaMenu';

/** The sidebar's widths that theme.ts sets, which react-admin reads from the theme too. */
const sidebar = (theme: Theme) => (theme as Theme & { sidebar?: { width?: number; closedWidth?: number } }).sidebar;

/** react-admin's `<Menu>` list, class names and widths included, holding the lighter items of MenuItemLink.tsx. */
const Root = styled(MenuList, { name: PREFIX, overridesResolver: (_props, styles) => styles.root })(({ theme }) => ({
  display: 'flex',
  flexDirection: 'column',
  justifyContent: 'flex-start',
  [theme.breakpoints.only('xs')]: { marginTop: 0 },
  transition: theme.transitions.create('width', { easing: theme.transitions.easing.sharp, duration: theme.transitions.duration.leavingScreen }),
  [`&.${PREFIX}-open`]: { width: sidebar(theme)?.width ?? DRAWER_WIDTH },
  [`&.${PREFIX}-closed`]: { width: sidebar(theme)?.closedWidth ?? CLOSED_DRAWER_WIDTH },
}));

const MenuRoot = ({ children }: { children: ReactNode }) => {
  const [open] = useSidebarState();
  return <Root className={open ? `${PREFIX}-open` : `${PREFIX}-closed`}>{children}</Root>;
};

/**
 * Section headings only make sense with the sidebar open; closed, the icons stand alone. A menu
 * may hold only menu items, so the heading is a presentational block rather than a list item.
 */
const Section = ({ title }: { title: string }) => {
  const [open] = useSidebarState();
  if (!open) return null;
  return (
    <ListSubheader component="div" role="presentation" disableSticky sx={{ lineHeight: '32px', mt: 1.5, fontSize: '0.72rem', fontWeight: 700, letterSpacing: '0.08em', textTransform: 'uppercase', bgcolor: 'transparent' }}>
      {title}
    </ListSubheader>
  );
};

/** Advising is a page of its own rather than a resource, so its menu item checks the role itself. */
const AdvisingItem = () => (sessionCan('advising', 'use') ? <MenuItemLink to="/advising" primaryText="Advising" leftIcon={<SchoolIcon />} /> : null);

/** The audit log is the admins' alone: the item shows when the role may list it. */
const AuditItem = () => (sessionCan('auditLog', 'list') ? <ResourceMenuItem name="auditLog" /> : null);

export const Menu = () => (
  <MenuRoot>
    <DashboardMenuItem icon={<DashboardIcon />} />
    <Section title="Design" />
    <ResourceMenuItem name="pathways" />
    <ResourceMenuItem name="credentials" />
    <ResourceMenuItem name="occupations" />
    <ResourceMenuItem name="competencyFrameworks" />
    <ResourceMenuItem name="competencies" />
    <Section title="Partners" />
    <ResourceMenuItem name="employers" />
    <ResourceMenuItem name="institutions" />
    <Section title="Credit" />
    <ResourceMenuItem name="degreePrograms" />
    <ResourceMenuItem name="articulationAgreements" />
    <ResourceMenuItem name="learners" />
    <AdvisingItem />
    <AuditItem />
  </MenuRoot>
);
