import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { ReactNode, useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { PayloadError, runMutation } from './payload';

export interface DialogField {
  field: string;
  label: string;
  kind?: 'text' | 'number';
  required?: boolean;
  initial?: unknown;
  helperText?: string;
}

interface ActionDialogProps {
  /** The button that opens the dialog. */
  label: string;
  icon?: ReactNode;
  color?: 'primary' | 'error' | 'success' | 'inherit';
  title: string;
  /** The domain-verb mutation, e.g. priorLearningClaimApprove with PriorLearningClaimApproveInput. */
  mutation: string;
  inputType: string;
  id: string;
  fields: readonly DialogField[];
  done: string;
}

/** A domain verb that needs a word or a figure first (approve with credits, deny with a reason), asked in a dialog. */
export const ActionDialog = ({ label, icon, color = 'primary', title, mutation, inputType, id, fields, done }: ActionDialogProps) => {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [error, setError] = useState<Error | null>(null);
  const [saving, setSaving] = useState(false);
  const refresh = useRefresh();
  const notify = useNotify();

  const openDialog = () => {
    setValues(Object.fromEntries(fields.map((field) => [field.field, field.initial ?? null])));
    setError(null);
    setOpen(true);
  };

  async function confirm() {
    setSaving(true);
    setError(null);
    try {
      await runMutation(mutation, inputType, { id, ...values }, '__typename');
      setOpen(false);
      notify(done, { type: 'success' });
      refresh();
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setSaving(false);
    }
  }

  const fieldError = (field: string) => (error instanceof PayloadError ? error.forField(field) : undefined);
  const general = error instanceof PayloadError ? error.general(fields.map((field) => field.field)) : error?.message;

  return (
    <>
      <Button size="small" color={color} startIcon={icon} onClick={openDialog}>
        {label}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs" aria-label={title}>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {fields.map((field) => (
              <TextField
                key={field.field}
                label={field.label}
                required={field.required}
                type={field.kind === 'number' ? 'number' : 'text'}
                multiline={field.kind !== 'number'}
                value={values[field.field] ?? ''}
                error={Boolean(fieldError(field.field))}
                helperText={fieldError(field.field) ?? field.helperText}
                onChange={(event) => {
                  const text = event.target.value;
                  setValues((current) => ({ ...current, [field.field]: text === '' ? null : field.kind === 'number' ? Number(text) : text }));
                }}
              />
            ))}
            {general && <Alert severity="error">{general}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button variant="contained" color={color === 'inherit' ? 'primary' : color} disabled={saving} onClick={() => void confirm()}>
            {label}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
