import AddIcon from '@mui/icons-material/Add';
import CloseIcon from '@mui/icons-material/Close';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/EditOutlined';
import SaveIcon from '@mui/icons-material/Check';
import { Alert, Autocomplete, Box, Button, Checkbox, FormControlLabel, IconButton, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Tooltip } from '@mui/material';
import { ReactNode, useRef, useState } from 'react';
import { useAddUndoableMutation, useGetList, useNotify, useRefresh } from 'react-admin';
import { NoneYet } from './NoneYet';
import { PayloadError, runMutation } from './payload';

export interface Choice {
  id: string | number;
  name: string;
}

export interface Column<R> {
  /** The create/update input field this column edits. */
  field: string;
  label: string;
  kind?: 'text' | 'multiline' | 'number' | 'date' | 'select' | 'reference' | 'boolean';
  choices?: readonly Choice[];
  /** For `reference`: the react-admin resource to pick from and how to name its records. */
  reference?: {
    resource: string;
    optionText: (record: Record<string, unknown> & { id: string }) => string;
    filter?: Record<string, unknown>;
    /** Records not offered: picking them would only be refused (already aligned, already mapped). */
    exclude?: readonly string[];
  };
  /** Set when the row is added and fixed afterwards (the update input lacks it). */
  createOnly?: boolean;
  /** Shown, never edited: a figure the server keeps, such as a claim's status. */
  readOnly?: boolean;
  value: (row: R) => unknown;
  display?: (row: R) => ReactNode;
  align?: 'right';
  width?: number | string;
}

/**
 * A column naming another record by its title, picked when the row is added and fixed afterwards:
 * the credential of a credit mapping or an award, the program a claim is toward.
 */
export function titledReference<R>(field: string, label: string, resource: string, of: (row: R) => { id: string; title: string }, exclude?: readonly string[]): Column<R> {
  return {
    field,
    label,
    kind: 'reference',
    createOnly: true,
    reference: { resource, optionText: (record) => String(record.title), exclude },
    value: (row) => of(row).id,
    display: (row) => of(row).title,
  };
}

interface InlineTableProps<R extends { id: string }> {
  label: string;
  rows: readonly R[];
  columns: readonly Column<R>[];
  /** The GraphQL type: names the mutations, e.g. CreditMapping → creditMappingCreate(input: CreditMappingCreateInput!). */
  typeName: string;
  /** Input fields every new row carries, e.g. the agreement it belongs to. */
  createInput: Record<string, unknown>;
  /**
   * The revision of the record the rows belong to, for a record edited by revision (a learner, a
   * credential's alignments, an agreement): sent as expectedRevision with each added or removed
   * row, so a change based on a stale page is refused with CONFLICT.
   */
  revision?: number;
  editable: boolean;
  addLabel: string;
  emptyText?: string;
  rowActions?: (row: R) => ReactNode;
  /** Rows the API no longer lets anyone change (a decided claim) show no edit or remove buttons. */
  rowEditable?: (row: R) => boolean;
  /** Shown under the row being edited or added, before it is saved: what saving it would change elsewhere. */
  preview?: (draft: Record<string, unknown>, row: R | null) => ReactNode;
}

type Draft = Record<string, unknown>;

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

const ReferencePicker = <R,>({ column, value, onChange, error }: { column: Column<R>; value: unknown; onChange: (value: unknown) => void; error?: string }) => {
  const [search, setSearch] = useState('');
  const reference = column.reference!;
  const { data = [] } = useGetList(reference.resource, { filter: { ...reference.filter, q: search }, pagination: { page: 1, perPage: 25 } });
  const selected = data.find((record) => record.id === value) ?? null;
  return (
    <Autocomplete
      size="small"
      options={data.filter((record) => record.id === value || !reference.exclude?.includes(String(record.id)))}
      value={selected}
      filterOptions={(options) => options}
      getOptionLabel={(record) => reference.optionText(record as never)}
      isOptionEqualToValue={(option, chosen) => option.id === chosen.id}
      onInputChange={(_event, text, reason) => reason === 'input' && setSearch(text)}
      onChange={(_event, record) => onChange(record?.id ?? null)}
      renderInput={(params) => <TextField {...params} label={column.label} error={Boolean(error)} helperText={error} />}
      sx={{ minWidth: 240 }}
    />
  );
};

function FieldEditor<R>({ column, value, onChange, error }: { column: Column<R>; value: unknown; onChange: (value: unknown) => void; error?: string }) {
  if (column.kind === 'reference') return <ReferencePicker column={column} value={value} onChange={onChange} error={error} />;
  if (column.kind === 'boolean') {
    return <FormControlLabel label={column.label} control={<Checkbox checked={Boolean(value)} onChange={(event) => onChange(event.target.checked)} />} />;
  }
  const common = { size: 'small' as const, label: column.label, error: Boolean(error), helperText: error, fullWidth: true };
  if (column.kind === 'select') {
    return (
      <TextField select {...common} value={value ?? ''} onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)} sx={{ minWidth: 140 }}>
        {column.choices!.map((choice) => (
          <MenuItem key={choice.id} value={choice.id}>
            {choice.name}
          </MenuItem>
        ))}
      </TextField>
    );
  }
  if (column.kind === 'number') {
    return (
      <TextField
        {...common}
        type="number"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
        sx={{ minWidth: 90 }}
      />
    );
  }
  return (
    <TextField
      {...common}
      type={column.kind === 'date' ? 'date' : 'text'}
      multiline={column.kind === 'multiline'}
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
      slotProps={column.kind === 'date' ? { inputLabel: { shrink: true } } : undefined}
      sx={{ minWidth: column.kind === 'date' ? 150 : 160 }}
    />
  );
}

/**
 * A record's child rows (outcomes, credit mappings, awards, …) edited where they are shown: each row
 * saves on its own through the API's create, update and delete mutations, and the server's
 * userErrors land on the row's fields.
 */
export function InlineTable<R extends { id: string }>({ label, rows, columns, typeName, createInput, revision, editable, addLabel, emptyText, rowActions, rowEditable, preview }: InlineTableProps<R>) {
  const refresh = useRefresh();
  // Each change saved here moves the record on by one; counting it keeps the next change (a removal
  // that waits for its undo notice, say) from being refused before the refreshed record arrives.
  const held = useRef<{ shown: number | undefined; saved: number }>({ shown: revision, saved: 0 });
  if (held.current.shown !== revision) held.current = { shown: revision, saved: 0 };
  const basedOn = () => (held.current.shown === undefined ? {} : { expectedRevision: held.current.shown + held.current.saved });
  const counted = () => {
    held.current.saved += 1;
  };
  const notify = useNotify();
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft>({});
  const [error, setError] = useState<PayloadError | Error | null>(null);
  const [saving, setSaving] = useState(false);
  const object = lowerFirst(typeName);
  const noun = typeName.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/ ([A-Z])/g, (_, c: string) => ` ${c.toLowerCase()}`);
  const addUndoable = useAddUndoableMutation();
  const [removing, setRemoving] = useState<ReadonlySet<string>>(new Set());
  const shown = rows.filter((row) => !removing.has(row.id));
  const fields = columns.map((column) => column.field);

  const start = (id: string, values: Draft) => {
    setEditing(id);
    setDraft(values);
    setError(null);
  };
  const stop = () => {
    setEditing(null);
    setError(null);
  };

  async function save(row: R | null) {
    setSaving(true);
    setError(null);
    try {
      if (row === null) {
        await runMutation(`${object}Create`, `${typeName}CreateInput`, { ...createInput, ...draft, ...basedOn() }, `${object} { id }`);
        counted();
        notify(`${noun} added`, { type: 'success' });
      } else {
        const changes: Draft = { id: row.id };
        for (const column of columns) {
          if (!column.createOnly && !column.readOnly && draft[column.field] !== column.value(row)) changes[column.field] = draft[column.field];
        }
        await runMutation(`${object}Update`, `${typeName}UpdateInput`, changes, `${object} { id }`);
        counted();
        notify(`${noun} saved`, { type: 'success' });
      }
      stop();
      refresh();
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setSaving(false);
    }
  }

  /** The row leaves the table at once; it is deleted only when the notice closes without Undo. */
  function remove(row: R) {
    const show = () => setRemoving((current) => new Set([...current].filter((id) => id !== row.id)));
    setRemoving((current) => new Set([...current, row.id]));
    addUndoable(({ isUndo }) => {
      if (isUndo) {
        show();
        return;
      }
      runMutation(`${object}Delete`, `${typeName}DeleteInput`, { id: row.id, ...basedOn() }, 'deletedId')
        .then(() => {
          counted();
          refresh();
        })
        .catch((failure: Error) => {
          notify(failure.message, { type: 'error' });
          show();
        });
    });
    notify(`${noun} removed`, { type: 'info', undoable: true });
  }

  const fieldError = (field: string) => (error instanceof PayloadError ? error.forField(field) : undefined);
  const generalError = error instanceof PayloadError ? error.general(fields) : error?.message;

  const editorRow = (row: R | null) => (
    <TableRow key={row?.id ?? 'new'} sx={{ bgcolor: 'action.hover', verticalAlign: 'top' }}>
      {columns.map((column) => (
        <TableCell key={column.field} align={column.align}>
          {column.readOnly ? (
            row && ((column.display ?? column.value)(row) as ReactNode)
          ) : row && column.createOnly ? (
            (column.display ?? column.value)(row) as ReactNode
          ) : (
            <FieldEditor column={column} value={draft[column.field]} onChange={(value) => setDraft((current) => ({ ...current, [column.field]: value }))} error={fieldError(column.field)} />
          )}
        </TableCell>
      ))}
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        <Tooltip title="Save">
          <span>
            <IconButton aria-label="Save row" color="primary" disabled={saving} onClick={() => void save(row)}>
              <SaveIcon />
            </IconButton>
          </span>
        </Tooltip>
        <Tooltip title="Cancel">
          <IconButton aria-label="Cancel" onClick={stop}>
            <CloseIcon />
          </IconButton>
        </Tooltip>
      </TableCell>
    </TableRow>
  );

  return (
    <Box sx={{ width: '100%' }}>
      {shown.length === 0 && editing !== 'new' ? (
        <NoneYet>{emptyText ?? 'None yet'}</NoneYet>
      ) : (
        <Table size="small" aria-label={label}>
          <TableHead>
            <TableRow>
              {columns.map((column) => (
                <TableCell key={column.field} align={column.align} sx={{ width: column.width }}>
                  {column.label}
                </TableCell>
              ))}
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((row) =>
              editing === row.id ? (
                editorRow(row)
              ) : (
                <TableRow key={row.id}>
                  {columns.map((column) => (
                    <TableCell key={column.field} align={column.align}>
                      {(column.display ?? column.value)(row) as ReactNode}
                    </TableCell>
                  ))}
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {rowActions?.(row)}
                    {editable && (rowEditable?.(row) ?? true) && (
                      <>
                        <Tooltip title="Edit">
                          <IconButton aria-label="Edit row" size="small" onClick={() => start(row.id, Object.fromEntries(columns.filter((column) => !column.readOnly).map((column) => [column.field, column.value(row)])))}>
                            <EditIcon fontSize="small" />
                          </IconButton>
                        </Tooltip>
                        <Tooltip title="Remove">
                          <IconButton aria-label="Remove row" size="small" onClick={() => remove(row)}>
                            <DeleteIcon fontSize="small" />
                          </IconButton>
                        </Tooltip>
                      </>
                    )}
                  </TableCell>
                </TableRow>
              ),
            )}
            {editing === 'new' && editorRow(null)}
            {editing !== null && preview && (
              <TableRow>
                <TableCell colSpan={columns.length + 1} sx={{ borderBottom: 'none' }}>
                  {preview(draft, shown.find((row) => row.id === editing) ?? null)}
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      )}
      {generalError && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {generalError}
        </Alert>
      )}
      {editable && editing === null && (
        <Stack direction="row" sx={{ mt: 1 }}>
          <Button size="small" startIcon={<AddIcon />} onClick={() => start('new', {})}>
            {addLabel}
          </Button>
        </Stack>
      )}
    </Box>
  );
}
