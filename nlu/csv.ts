// Labelled examples from CSV `text,label` (RFC 4180, UTF-8): what `nlu train` and `nlu eval` read.
import fs from 'node:fs';

export interface Example {
  text: string;
  label: string;
}

/** A data file that cannot be used; the message says what is wrong and what to fix. */
export class DataFileError extends Error {
  override name = 'DataFileError';
}

/** Parses RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF line ends, newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      fieldStarted = false;
      i++;
    } else if (c === '\r' || c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      fieldStarted = true;
      i++;
    }
  }
  if (quoted) throw new DataFileError('a quoted field is not closed (a `"` is missing)');
  if (fieldStarted || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Decodes bytes as strict UTF-8 (a leading BOM is dropped); rejects anything else. */
export function decodeUtf8(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new DataFileError(`${name} is not valid UTF-8: save it as UTF-8 text`);
  }
}

/** Reads labelled examples from CSV text with a header that has `text` and `label` columns. */
export function parseExamples(csvText: string, name = 'the data'): Example[] {
  if (csvText.trim() === '') throw new DataFileError(`${name} is empty: expected a CSV with a header "text,label" and one example per row`);
  const rows = parseCsv(csvText);
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const textCol = header.indexOf('text');
  const labelCol = header.indexOf('label');
  const missing = [textCol < 0 ? 'text' : undefined, labelCol < 0 ? 'label' : undefined].filter((m) => m !== undefined);
  if (missing.length > 0) {
    throw new DataFileError(
      `${name} has no ${missing.map((m) => `"${m}"`).join(' or ')} column (header is "${(rows[0] ?? []).join(',')}"): the first row must name the columns, e.g. "text,label"`,
    );
  }
  const examples: Example[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (row.length === 1 && row[0] === '') continue; // blank line
    const text = row[textCol];
    const label = row[labelCol]?.trim();
    if (text === undefined || label === undefined) {
      throw new DataFileError(`${name}, row ${r + 1}: expected ${header.length} fields, found ${row.length}`);
    }
    if (label === '') throw new DataFileError(`${name}, row ${r + 1}: the label is empty`);
    if (text.trim() === '') continue;
    examples.push({ text, label });
  }
  if (examples.length === 0) throw new DataFileError(`${name} has a header but no examples`);
  return examples;
}

/** Reads a `text,label` CSV file, with clear errors for a missing, empty, non-UTF-8 or malformed file. */
export function readExamples(file: string): Example[] {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DataFileError(`${file} does not exist`);
    if (code === 'EISDIR') throw new DataFileError(`${file} is a directory, not a CSV file`);
    throw new DataFileError(`cannot read ${file}: ${(err as Error).message}`);
  }
  try {
    return parseExamples(decodeUtf8(bytes, file), file);
  } catch (err) {
    if (err instanceof DataFileError && !err.message.includes(file)) throw new DataFileError(`${file}: ${err.message}`);
    throw err;
  }
}
