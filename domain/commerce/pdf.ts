/**
 * A small PDF 1.4 writer: pages of text lines in the standard Helvetica and Courier fonts, which every reader
 * has, so nothing is embedded. Pure: the same lines give the same bytes. Text is kept to printable
 * ASCII (other characters become close ASCII or "?"), so byte offsets are character offsets.
 */

export interface PdfLine {
  text: string;
  /** Helvetica when absent; Courier lines up columns. */
  font?: 'bold' | 'mono';
  /** Points; 10 when absent. */
  size?: number;
}

const PAGE_WIDTH = 595; // A4 in points
const PAGE_HEIGHT = 842;
const MARGIN = 56;
const LEADING_FACTOR = 1.4;

const ASCII_FOR: Record<string, string> = { '•': '*', '–': '-', '—': '-', '‘': "'", '’': "'", '“': '"', '”': '"', '…': '...', '€': 'EUR', '£': 'GBP', '\u00a0': ' ' };

/** Printable ASCII only, with PDF string delimiters escaped. */
export function pdfString(text: string): string {
  const ascii = [...text.normalize('NFKD')]
    .map((ch) => ASCII_FOR[ch] ?? ch)
    .join('')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '?');
  return `(${ascii.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

function paginate(lines: readonly PdfLine[]): PdfLine[][] {
  const pages: PdfLine[][] = [[]];
  let used = 0;
  const room = PAGE_HEIGHT - 2 * MARGIN;
  for (const line of lines) {
    const height = (line.size ?? 10) * LEADING_FACTOR;
    if (used + height > room && (pages.at(-1)?.length ?? 0) > 0) {
      pages.push([]);
      used = 0;
    }
    pages.at(-1)?.push(line);
    used += height;
  }
  return pages;
}

function contentStream(lines: readonly PdfLine[]): string {
  const ops: string[] = ['BT', `${MARGIN} ${PAGE_HEIGHT - MARGIN} Td`];
  for (const line of lines) {
    const size = line.size ?? 10;
    ops.push(`/${line.font === 'bold' ? 'F2' : line.font === 'mono' ? 'F3' : 'F1'} ${size} Tf`, `0 -${(size * LEADING_FACTOR).toFixed(1)} Td`, `${pdfString(line.text)} Tj`);
  }
  ops.push('ET');
  return ops.join('\n');
}

/** The document as bytes: catalog, page tree, three fonts, the document info, then a page and its content stream per page. */
export function writePdf(lines: readonly PdfLine[], info: { title: string }): Uint8Array {
  const pages = paginate(lines);
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 7 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
  objects[5] = '<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>';
  objects[6] = `<< /Title ${pdfString(info.title)} /Producer (Open Support) >>`;
  pages.forEach((page, i) => {
    const pageId = pageIds[i] as number;
    const stream = contentStream(page);
    objects[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
      `/Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >> >> /Contents ${pageId + 1} 0 R >>`;
    objects[pageId + 1] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  });

  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = out.length;
    out += `${id} 0 obj\n${objects[id] ?? ''}\nendobj\n`;
  }
  const xrefAt = out.length;
  // Each xref entry is exactly 20 bytes: 10-digit offset, space, 5-digit generation, space, n/f, CR LF.
  out += `xref\n0 ${objects.length}\n0000000000 65535 f\r\n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n\r\n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
