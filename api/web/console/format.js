// @ts-check
// Times, deadlines and money as the console shows them.

/**
 * "under a minute", "8 min", "3 h": a duration, its sign ignored.
 * @param {number} ms
 */
export function minutes(ms) {
  const m = Math.round(Math.abs(ms) / 60000);
  if (m < 1) return 'under a minute';
  if (m < 120) return `${m} min`;
  return `${Math.round(m / 60)} h`;
}

/**
 * The local time of day of an ISO timestamp, or the text itself if it is not one.
 * @param {string} at
 */
export function clock(at) {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? String(at) : date.toLocaleTimeString();
}

/**
 * "SLA in 8 min" or "SLA passed 2 min ago"; overdue is true once the time has passed.
 * @param {string | null | undefined} dueAt
 * @returns {{ text: string, overdue: boolean }}
 */
export function sla(dueAt) {
  if (!dueAt) return { text: '', overdue: false };
  const left = new Date(dueAt).getTime() - Date.now();
  if (Number.isNaN(left)) return { text: '', overdue: false };
  return left >= 0 ? { text: `SLA in ${minutes(left)}`, overdue: false } : { text: `SLA passed ${minutes(left)} ago`, overdue: true };
}

/** @param {number} cents */
export const money = (cents) => `$${(cents / 100).toFixed(2)}`;
