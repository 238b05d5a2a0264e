import { ReactNode } from 'react';
import { DataTable, RaRecord, SimpleList } from 'react-admin';
import { usePhone } from './usePhone';

/** What a record shows as one line of the list on a phone: plain text, so it can sit inside the list item's paragraph. */
type LineText<RecordType> = (record: RecordType) => string;

/**
 * A list's table on a wide screen; on a phone, where six columns cannot fit, each record becomes one
 * line to tap with what identifies it and what matters most about it, and nothing scrolls sideways.
 */
export function ResponsiveTable<RecordType extends RaRecord>({ primaryText, secondaryText, tertiaryText, children }: {
  primaryText: LineText<RecordType>;
  secondaryText?: LineText<RecordType>;
  tertiaryText?: LineText<RecordType>;
  children: ReactNode;
}) {
  if (usePhone()) {
    return <SimpleList<RecordType> primaryText={primaryText} secondaryText={secondaryText} tertiaryText={tertiaryText} rowClick="show" />;
  }
  return (
    <DataTable rowClick="show" bulkActionButtons={false}>
      {children}
    </DataTable>
  );
}

/** The parts of a line that are known, joined as people read them: "Level 3 · 4 credits". */
export const line = (...parts: (string | number | null | undefined | false)[]) => parts.filter((part) => part !== null && part !== undefined && part !== false && part !== '').join(' · ');
