import type { z } from 'zod';
import { TauFormatError } from './errors';
import type { OrderedJson } from './ordered-json';

/**
 * Validates each record of one tau file (a JSON object keyed by id) against its schema.
 * The first bad record stops the import with a message such as
 * `orders.json: order "#W1": items[0].price must be a number (found "12")`.
 */
export function validateRecords<T>(file: string, kind: string, json: OrderedJson, schema: z.ZodType<T>): Map<string, T> {
  if (!(json instanceof Map)) {
    throw new TauFormatError(`${file} must hold one JSON object that maps each ${kind} id to its ${kind}`);
  }
  const records = new Map<string, T>();
  for (const [id, value] of json) {
    const parsed = schema.safeParse(value, { error: describeIssue });
    if (!parsed.success) {
      const problems = parsed.error.issues.slice(0, 5).map((issue) => `${formatPath(issue.path)}${issue.message}`);
      throw new TauFormatError(`${file}: ${kind} ${JSON.stringify(id)}: ${problems.join('; ')}`);
    }
    records.set(id, parsed.data);
  }
  return records;
}

const EXPECTED_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  map: 'an object',
  object: 'an object',
};

function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'is missing';
    const found = issue.input instanceof Map ? 'an object' : Array.isArray(issue.input) ? 'a list' : JSON.stringify(issue.input);
    return `must be ${EXPECTED_WORDS[issue.expected] ?? issue.expected} (found ${found})`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}`;
  }
  return undefined;
}

function formatPath(segments: readonly PropertyKey[]): string {
  if (segments.length === 0) return '';
  const text = segments
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const name = String(segment);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return `[${JSON.stringify(name)}]`;
      return index === 0 ? name : `.${name}`;
    })
    .join('');
  return `${text} `;
}
