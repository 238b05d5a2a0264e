import { Typography } from '@mui/material';
import { useFieldValue } from 'react-admin';
import { formatDate, formatDateTime } from './dates';

/**
 * A date or instant in the console's one format (the reader's locale, medium length). Unlike
 * react-admin's DateField, a calendar date (YYYY-MM-DD) shows as that day in every time zone.
 */
export const DayField = ({ source, showTime, emptyText = '' }: { source: string; label?: string; showTime?: boolean; emptyText?: string; sortable?: boolean }) => {
  const value = useFieldValue({ source }) as string | null | undefined;
  return (
    <Typography component="span" variant="body2">
      {value ? (showTime ? formatDateTime(value) : formatDate(value)) : emptyText}
    </Typography>
  );
};
