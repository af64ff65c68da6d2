import assert from 'node:assert/strict';

/**
 * Reads a PDF as a reader would find its parts: the header, the xref table through `startxref`
 * (each entry must point at its object), and the text drawn with `Tj`. Fails the test otherwise.
 */
export function readPdf(bytes: Uint8Array): { version: string; objects: number; text: string[] } {
  const pdf = Buffer.from(bytes).toString('latin1');
  const header = /^%PDF-(\d\.\d)\n/.exec(pdf);
  assert.ok(header, 'the file starts with a %PDF- header');
  const startxref = /startxref\n(\d+)\n%%EOF\n?$/.exec(pdf);
  assert.ok(startxref, 'the file ends with startxref and %%EOF');
  const xrefAt = Number(startxref[1]);
  assert.equal(pdf.slice(xrefAt, xrefAt + 5), 'xref\n', 'startxref points at the xref table');
  const section = /^xref\n0 (\d+)\n/.exec(pdf.slice(xrefAt));
  assert.ok(section, 'the xref table has one section from object 0');
  const count = Number(section[1]);
  const entriesAt = xrefAt + section[0].length;
  for (let id = 0; id < count; id++) {
    const entry = pdf.slice(entriesAt + id * 20, entriesAt + (id + 1) * 20);
    assert.match(entry, /^\d{10} \d{5} [nf]\r\n$/, `xref entry ${id} is 20 bytes`);
    if (id === 0) continue;
    const offset = Number(entry.slice(0, 10));
    assert.equal(pdf.slice(offset, offset + `${id} 0 obj`.length), `${id} 0 obj`, `xref entry ${id} points at object ${id}`);
  }
  const trailer = pdf.slice(entriesAt + count * 20);
  assert.match(trailer, new RegExp(`^trailer\\n<< /Size ${count} /Root \\d+ 0 R`), 'the trailer names the size and the root');
  for (const stream of pdf.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
    const start = (stream.index ?? 0) + stream[0].length;
    assert.equal(pdf.slice(start + Number(stream[1]), start + Number(stream[1]) + '\nendstream'.length), '\nendstream', 'each stream is as long as its /Length says');
  }
  const text = [...pdf.matchAll(/\(((?:\\.|[^\\)])*)\) Tj/g)].map((m) => (m[1] ?? '').replace(/\\(.)/g, '$1'));
  return { version: header[1] ?? '', objects: count - 1, text };
}
