import SchoolIcon from '@mui/icons-material/School';
import ListSubheader from '@mui/material/ListSubheader';
import { Menu as RaMenu, useCanAccess, useSidebarState } from 'react-admin';

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
const AdvisingItem = () => {
  const { canAccess } = useCanAccess({ resource: 'advising', action: 'use' });
  return canAccess ? <RaMenu.Item to="/advising" primaryText="Advising" leftIcon={<SchoolIcon />} /> : null;
};

/** The audit log is the admins' alone: the item shows when the role may list it. */
const AuditItem = () => {
  const { canAccess } = useCanAccess({ resource: 'auditLog', action: 'list' });
  return canAccess ? <RaMenu.ResourceItem name="auditLog" /> : null;
};

export const Menu = () => (
  <RaMenu>
    <RaMenu.DashboardItem />
    <Section title="Design" />
    <RaMenu.ResourceItem name="pathways" />
    <RaMenu.ResourceItem name="credentials" />
    <RaMenu.ResourceItem name="occupations" />
    <RaMenu.ResourceItem name="competencyFrameworks" />
    <RaMenu.ResourceItem name="competencies" />
    <Section title="Partners" />
    <RaMenu.ResourceItem name="employers" />
    <RaMenu.ResourceItem name="institutions" />
    <Section title="Credit" />
    <RaMenu.ResourceItem name="degreePrograms" />
    <RaMenu.ResourceItem name="articulationAgreements" />
    <RaMenu.ResourceItem name="learners" />
    <AdvisingItem />
    <AuditItem />
  </RaMenu>
);
