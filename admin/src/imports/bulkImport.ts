import { sessionHeaders } from '../graphql';

export type BulkImportKind = 'MAPPINGS' | 'AWARDS' | 'CLAIMS';

export interface BulkImportReport {
  kind: BulkImportKind;
  format: string;
  applied: boolean;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  digest: string;
  rows: { line: number; action: 'CREATE' | 'UPDATE' | 'UNCHANGED'; summary: string; changes: string[]; record: string | null }[];
  rejectedRows: { line: number; code: string; column: string | null; reason: string }[];
  impact?: {
    asOf: string;
    learnersConsidered: number;
    changed: number;
    changes: { learner: { id: string; name: string | null; email: string | null }; appliedBefore: number; appliedAfter: number; difference: number }[];
  } | null;
}

/** The columns of each kind, as the API reads them (README, "Bulk import from spreadsheets"). */
export const COLUMNS: Record<BulkImportKind, { required: string[]; optional: string[] }> = {
  MAPPINGS: { required: ['credential', 'credits'], optional: ['course_equivalent', 'min_mastery_level'] },
  AWARDS: { required: ['credential', 'awarded_on'], optional: ['mastery_level', 'evidence_url', 'planned', 'learner_email'] },
  CLAIMS: { required: ['program', 'title', 'evidence', 'credits_requested'], optional: ['learner_email'] },
};

export const TITLES: Record<BulkImportKind, string> = {
  MAPPINGS: 'Import credit mappings from a spreadsheet',
  AWARDS: 'Import awards from a spreadsheet',
  CLAIMS: 'Import prior-learning claims from a spreadsheet',
};

const PATHS: Record<BulkImportKind, string> = { MAPPINGS: 'mappings', AWARDS: 'awards', CLAIMS: 'claims' };

/** Posts the file to the API's import route with the session cookie; answers the report or the API's message. */
export async function postImport(
  kind: BulkImportKind,
  targetId: string,
  file: File,
  options: { apply?: boolean; digest?: string },
): Promise<{ report: BulkImportReport } | { error: string }> {
  const query = new URLSearchParams({ target: targetId, ...(options.apply ? { apply: 'true' } : {}), ...(options.digest ? { digest: options.digest } : {}) });
  try {
    const response = await fetch(`/import/${PATHS[kind]}?${query}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/octet-stream', ...sessionHeaders() },
      body: file,
    });
    const body = (await response.json().catch(() => null)) as { report?: BulkImportReport; errors?: { message: string; extensions?: { code?: string } }[] } | null;
    if (response.ok && body?.report) return { report: body.report };
    if (response.status === 413) return { error: `${file.name} is larger than the 20 MB an import takes: split it into smaller files` };
    return { error: body?.errors?.[0]?.message ?? `The server answered ${response.status}` };
  } catch {
    return { error: 'The file could not be sent: check the connection and try again' };
  }
}
