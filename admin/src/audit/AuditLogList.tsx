import { Link as MuiLink, Typography } from '@mui/material';
import { DataTable, DateInput, List, SelectInput, SimpleList, TextInput, useCreatePath, useRecordContext } from 'react-admin';
import { Link } from 'react-router';
import { humanize } from '../common/choices';
import { line } from '../common/ResponsiveTable';
import { usePhone } from '../common/usePhone';
import { addDays, formatDateTime, localDay, startOfLocalDay } from '../common/dates';
import { AuditedRecord, RECORD_TYPE_CHOICES, recordLink, recordTitle } from './recordLink';

interface Entry extends AuditedRecord {
  id: string;
  at: string;
  role: string;
  mutation: string;
  authorName: string | null;
  authorOrganization: string | null;
}

const ACTIONS = [
  { id: 'CREATE', name: 'Created' },
  { id: 'UPDATE', name: 'Changed' },
  { id: 'DELETE', name: 'Deleted' },
];

/** The date range is picked as days; the API takes instants: the From day's local midnight, and the midnight after the To day. */
const filters = [
  <TextInput key="author" source="author" label="Who (name or email)" alwaysOn />,
  <SelectInput key="recordType" source="recordType" label="Record type" choices={RECORD_TYPE_CHOICES} alwaysOn />,
  <SelectInput key="action" source="action" label="Action" choices={ACTIONS} alwaysOn />,
  <DateInput key="since" source="since" label="From" alwaysOn parse={(day: string) => (day ? startOfLocalDay(day) : null)} format={(instant?: string | null) => (instant ? localDay(instant) : '')} />,
  <DateInput key="before" source="before" label="To" alwaysOn parse={(day: string) => (day ? startOfLocalDay(addDays(day, 1)) : null)} format={(instant?: string | null) => (instant ? addDays(localDay(instant), -1) : '')} />,
];

const actionName = (entry: Entry) => ACTIONS.find((action) => action.id === entry.action)?.name ?? humanize(entry.action);
const whoName = (entry: Entry) => entry.authorName ?? (entry.role === 'ADMIN' ? 'An administrator' : 'A deleted account');

const Who = () => {
  const entry = useRecordContext<Entry>();
  if (!entry) return null;
  return (
    <>
      {whoName(entry)}
      {entry.authorOrganization && (
        <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
          {entry.authorOrganization}
        </Typography>
      )}
    </>
  );
};

const What = () => {
  const entry = useRecordContext<Entry>();
  const createPath = useCreatePath();
  if (!entry) return null;
  const link = recordLink(entry);
  const title = recordTitle(entry);
  if (!link) return <>{title}</>;
  return (
    <MuiLink component={Link} to={createPath({ resource: link.resource, id: link.id, type: 'show' })} onClick={(event) => event.stopPropagation()}>
      {title}
    </MuiLink>
  );
};

/**
 * On a phone, where five columns cannot fit, each change is one line: how and what changed (a link
 * to the record's page where there is one), who made it and through what, and when.
 */
function PhoneEntries() {
  return (
    <SimpleList<Entry>
      primaryText={(entry) => (
        <>
          {actionName(entry)} · <What />
        </>
      )}
      secondaryText={(entry) => line(whoName(entry), entry.authorOrganization, entry.mutation)}
      tertiaryText={(entry) => formatDateTime(entry.at)}
      rowClick={false}
    />
  );
}

/** Who changed what and when, newest first: every change made through the API, for admins. */
export const AuditLogList = () => {
  const phone = usePhone();
  return (
    <List filters={filters} title="Audit log" exporter={false} actions={false} perPage={25} empty={false}>
      {phone ? (
        <PhoneEntries />
      ) : (
        <DataTable bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="at" label="When" disableSort render={(entry: Entry) => formatDateTime(entry.at)} />
          <DataTable.Col label="Who" disableSort render={() => <Who />} />
          <DataTable.Col source="action" label="Action" disableSort render={actionName} />
          <DataTable.Col label="Record" disableSort render={() => <What />} />
          <DataTable.Col source="mutation" label="Through" disableSort />
        </DataTable>
      )}
    </List>
  );
};
