import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { ChangeEvent, useId, useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { BulkImportKind, BulkImportReport, COLUMNS, postImport, TITLES } from './bulkImport';

interface BulkImportDialogProps {
  kind: BulkImportKind;
  /** Global ID of the agreement (mappings) or the learner (awards, claims). */
  targetId: string;
  open: boolean;
  onClose: () => void;
}

const ACTION_LABELS = { CREATE: 'Create', UPDATE: 'Update', UNCHANGED: 'Unchanged' } as const;
const ACTION_COLORS = { CREATE: 'success', UPDATE: 'warning', UNCHANGED: 'default' } as const;
const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

/**
 * The bulk import as steps: choose a CSV or XLSX file, see what it would create, update and leave
 * unchanged with every rejected row and its reason (and, for an agreement's mappings, whose credit
 * would change), then apply it, all or nothing. Files go to POST /import/{kind}, up to 20 MB.
 */
export const BulkImportDialog = ({ kind, targetId, open, onClose }: BulkImportDialogProps) => {
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<BulkImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'preview' | 'apply' | null>(null);
  const notify = useNotify();
  const refresh = useRefresh();

  const reset = () => {
    setFile(null);
    setReport(null);
    setError(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0] ?? null;
    event.target.value = '';
    if (!chosen) return;
    reset();
    setFile(chosen);
    setBusy('preview');
    const answer = await postImport(kind, targetId, chosen, {});
    setBusy(null);
    if ('error' in answer) setError(answer.error);
    else setReport(answer.report);
  }

  async function apply() {
    if (!file || !report) return;
    setBusy('apply');
    const answer = await postImport(kind, targetId, file, { apply: true, digest: report.digest });
    setBusy(null);
    if ('error' in answer) {
      setError(answer.error);
      return;
    }
    const done = answer.report;
    notify(`Imported ${file.name}: ${done.created} created, ${done.updated} updated, ${done.unchanged} unchanged`, { type: 'success' });
    close();
    refresh();
  }

  const changes = report ? report.created + report.updated : 0;
  const canApply = report !== null && report.rejected === 0 && changes > 0 && busy === null;

  return (
    <Dialog open={open} onClose={busy ? undefined : close} maxWidth="lg" fullWidth aria-labelledby={`${inputId}-title`}>
      <DialogTitle id={`${inputId}-title`}>{TITLES[kind]}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          <Typography variant="body2" color="text.secondary">
            A CSV (UTF-8) or XLSX file, up to 20 MB and 100,000 rows, whose first row names the columns: {COLUMNS[kind].required.join(', ')}
            {COLUMNS[kind].optional.length > 0 && `, and optionally ${COLUMNS[kind].optional.join(', ')}`}. Nothing is written until you apply it.
          </Typography>
          <Box>
            <Button component="label" variant="outlined" startIcon={<UploadFileIcon />} disabled={busy !== null}>
              {file ? 'Choose another file' : 'Choose a file'}
              <input hidden type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={choose} aria-label="Spreadsheet to import" />
            </Button>
            {file && <Typography component="span" sx={{ ml: 2 }}>{file.name}</Typography>}
          </Box>
          {busy === 'preview' && <Typography>Reading the file…</Typography>}
          {error && <Alert severity="error" role="alert">{error}</Alert>}
          {report && <Preview report={report} />}
        </Stack>
      </DialogContent>
      <DialogActions>
        {report && report.rejected > 0 && <Typography color="error" sx={{ mr: 'auto', ml: 2 }}>Correct the rejected rows and choose the file again: a file is imported whole or not at all.</Typography>}
        {report && report.rejected === 0 && changes === 0 && <Typography sx={{ mr: 'auto', ml: 2 }}>Nothing to change: every row matches what is recorded.</Typography>}
        <Button onClick={close} disabled={busy !== null}>Cancel</Button>
        <Button variant="contained" onClick={apply} disabled={!canApply}>
          {busy === 'apply' ? 'Applying…' : `Apply ${changes} change${changes === 1 ? '' : 's'}`}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

const Preview = ({ report }: { report: BulkImportReport }) => (
  <Stack spacing={2}>
    <Stack direction="row" spacing={1} aria-label="Preview summary">
      <Chip color="success" label={`${report.created} to create`} />
      <Chip color="warning" label={`${report.updated} to update`} />
      <Chip label={`${report.unchanged} unchanged`} />
      <Chip color={report.rejected > 0 ? 'error' : 'default'} label={`${report.rejected} rejected`} />
    </Stack>
    {report.rejectedRows.length > 0 && (
      <Box>
        <Typography variant="subtitle2" gutterBottom>Rejected rows</Typography>
        <Table size="small" aria-label="Rejected rows">
          <TableHead>
            <TableRow><TableCell>Line</TableCell><TableCell>Column</TableCell><TableCell>Reason</TableCell></TableRow>
          </TableHead>
          <TableBody>
            {report.rejectedRows.map((row) => (
              <TableRow key={row.line}>
                <TableCell>{row.line}</TableCell>
                <TableCell>{row.column ?? '—'}</TableCell>
                <TableCell>{row.reason}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    )}
    {report.impact && (
      <Box aria-label="Impact on learners">
        <Typography variant="subtitle2" gutterBottom>Impact on learners as of {report.impact.asOf}</Typography>
        {report.impact.changed === 0 ? (
          <Typography variant="body2">No learner&apos;s applied credit changes ({report.impact.learnersConsidered} considered).</Typography>
        ) : (
          <>
            <Typography variant="body2">{report.impact.changed} of {report.impact.learnersConsidered} learners considered would have their applied credit changed.</Typography>
            <Table size="small" aria-label="Learners whose credit changes">
              <TableHead>
                <TableRow><TableCell>Learner</TableCell><TableCell align="right">Before</TableCell><TableCell align="right">After</TableCell><TableCell align="right">Difference</TableCell></TableRow>
              </TableHead>
              <TableBody>
                {report.impact.changes.map((change) => (
                  <TableRow key={change.learner.id}>
                    <TableCell>{change.learner.name ?? change.learner.id}</TableCell>
                    <TableCell align="right">{change.appliedBefore}</TableCell>
                    <TableCell align="right">{change.appliedAfter}</TableCell>
                    <TableCell align="right">{signed(change.difference)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </Box>
    )}
    <Box>
      <Typography variant="subtitle2" gutterBottom>Rows{report.rows.length < report.created + report.updated + report.unchanged ? ` (the first ${report.rows.length})` : ''}</Typography>
      <Table size="small" aria-label="Rows to import">
        <TableHead>
          <TableRow><TableCell>Line</TableCell><TableCell>Action</TableCell><TableCell>Record</TableCell><TableCell>Changes</TableCell></TableRow>
        </TableHead>
        <TableBody>
          {report.rows.map((row) => (
            <TableRow key={row.line}>
              <TableCell>{row.line}</TableCell>
              <TableCell><Chip size="small" color={ACTION_COLORS[row.action]} label={ACTION_LABELS[row.action]} /></TableCell>
              <TableCell>{row.summary}</TableCell>
              <TableCell>{row.changes.join('; ') || '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  </Stack>
);

/** The button on an agreement's or a learner's page that opens the import. */
export const BulkImportButton = ({ kind, targetId, label }: { kind: BulkImportKind; targetId: string; label: string }) => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" startIcon={<UploadFileIcon />} onClick={() => setOpen(true)}>{label}</Button>
      {open && <BulkImportDialog kind={kind} targetId={targetId} open={open} onClose={() => setOpen(false)} />}
    </>
  );
};
