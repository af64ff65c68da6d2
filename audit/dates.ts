/**
 * An auditor's date: an ISO day (midnight UTC) or an ISO date and time with its zone; undefined for
 * anything else, including days that do not exist (Date would read 2026-02-31 as 3 March).
 */
export function parseAuditDate(raw: string): Date | undefined {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(raw);
  if (!dateOnly && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/.test(raw)) return undefined;
  const date = new Date(dateOnly ? `${raw}T00:00:00Z` : raw);
  if (Number.isNaN(date.getTime())) return undefined;
  if ((dateOnly || raw.endsWith('Z')) && date.toISOString().slice(0, 10) !== raw.slice(0, 10)) return undefined;
  return date;
}

export const AUDIT_DATE_HINT = 'an ISO date like 2026-12-01 or 2026-12-01T09:30:00Z';
