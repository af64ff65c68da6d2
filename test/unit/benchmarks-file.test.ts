import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { replaceSection, sectionOf } from '../../bench/benchmarks-file';

const FILE = ['# Benchmarks', '', '- date: 2026-11-25', '', '## Intent classification', '', '| a |', '', '## Reliability', '', 'old table', '', '## Later', '', 'kept', ''].join('\n');

describe('the benchmarks file, written one section per benchmark', () => {
  it('when a section is replaced, then the sections around it stay word for word', () => {
    const text = replaceSection(FILE, '## Reliability', '## Reliability\n\nnew table\n');
    assert.equal(text, FILE.replace('old table', 'new table'));
  });

  it('when the section is missing, then it is appended after one blank line', () => {
    const text = replaceSection('# Benchmarks\n\n## Intent classification\n\n| a |\n', '## Reliability', '## Reliability\n\nrows\n');
    assert.equal(text, '# Benchmarks\n\n## Intent classification\n\n| a |\n\n## Reliability\n\nrows\n');
  });

  it('when the section is last, then replacing it twice gives the same file', () => {
    const once = replaceSection('# B\n\n## Reliability\n\nold\n', '## Reliability', '## Reliability\n\nnew\n');
    assert.equal(once, '# B\n\n## Reliability\n\nnew\n');
    assert.equal(replaceSection(once, '## Reliability', '## Reliability\n\nnew\n'), once);
  });

  it('when a section is read, then it runs up to the next heading of its level, and is empty when absent', () => {
    assert.equal(sectionOf(FILE, '## Reliability'), '## Reliability\n\nold table\n');
    assert.equal(sectionOf(FILE, '## Nothing'), '');
  });
});
