/** Today's date as the API's Date scalar writes it (YYYY-MM-DD, UTC). */
export const todayIso = () => new Date().toISOString().slice(0, 10);

/** `iso` moved by whole days. */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`, negative when `to` is earlier. */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * Every date the console shows, in one format: the reader's locale, medium length ("Dec 5, 2026"
 * in US English, "5 déc. 2026" in French). Dates without a time (the API's Date scalar) are read as
 * that calendar day wherever the reader is.
 */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  const dateOnly = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = dateOnly ? new Date(`${value}T00:00:00Z`) : new Date(value);
  return date.toLocaleDateString(undefined, dateOnly ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium' });
}

/** An instant (the API's DateTime) in the reader's locale and time zone, to the minute. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  return new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The local midnight that starts a YYYY-MM-DD day, as an instant the API's DateTime accepts. */
export const startOfLocalDay = (iso: string) => new Date(`${iso}T00:00:00`).toISOString();

/** The YYYY-MM-DD local day an instant falls on. */
export function localDay(instant: string): string {
  const date = new Date(instant);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
