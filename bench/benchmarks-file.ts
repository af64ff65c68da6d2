import fs from 'node:fs';

/**
 * docs/BENCHMARKS.md is written by more than one benchmark: each owns its `## ` sections and
 * replaces only those, so running one benchmark keeps the others' tables.
 */

/** The section that starts with `heading` (a `## ` line), up to the next `## ` heading; '' when absent. */
export function sectionOf(text: string, heading: string): string {
  const start = text.split('\n').indexOf(heading);
  if (start < 0) return '';
  const lines = text.split('\n').slice(start);
  const end = lines.findIndex((line, i) => i > 0 && line.startsWith('## '));
  return (end < 0 ? lines : lines.slice(0, end)).join('\n').replace(/\n+$/, '\n');
}

/** `text` with the `heading` section replaced by `section` (which starts with that heading), or appended. */
export function replaceSection(text: string, heading: string, section: string): string {
  const old = sectionOf(text, heading);
  const body = section.replace(/\n+$/, '\n');
  if (!old) return `${text.replace(/\n+$/, '')}\n\n${body}`;
  const at = text.indexOf(old);
  const rest = text.slice(at + old.length).replace(/^\n+/, '');
  return `${text.slice(0, at)}${body}${rest ? `\n${rest}` : ''}`;
}

export function writeSection(file: string, heading: string, section: string): void {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  fs.writeFileSync(file, replaceSection(text, heading, section));
}

/** Written by `npm run bench:reliability` (bench/reliability.ts). */
export const RELIABILITY_HEADING = '## Reliability: money flows under faults';
