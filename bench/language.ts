// `npm run bench:language`: three maintained language detectors on short support messages (our own set,
// nlu/language/detection-set.tsv), each behind the same clean-up the product does; writes its section
// of docs/BENCHMARKS.md.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { languageText, wordCount } from '../nlu/language/message-text';
import { isServedLanguage } from '../domain/language/languages';
import { writeSection } from './benchmarks-file';

const ROOT = path.resolve(__dirname, '..');
export const LANGUAGE_HEADING = '## Language detection: short support messages';

interface Candidate {
  name: string;
  load(): Promise<(text: string) => string | undefined>;
  /** The package's folder(s) under node_modules, for the install size. */
  packages: string[];
}

/** franc answers ISO 639-3; the product speaks ISO 639-1. */
const ISO3_TO_1: Record<string, string> = { eng: 'en', deu: 'de', spa: 'es', fra: 'fr', por: 'pt', ita: 'it', nld: 'nl', pol: 'pl', tur: 'tr', swe: 'sv' };

const CANDIDATES: Candidate[] = [
  {
    name: 'eld 2.1 (large)',
    packages: ['eld'],
    async load() {
      const { eld } = await import('eld/large');
      return (text) => eld.detect(text).language || undefined;
    },
  },
  {
    name: 'eld 2.1 (medium)',
    packages: ['eld'],
    async load() {
      const { eld } = await import('eld/medium');
      return (text) => eld.detect(text).language || undefined;
    },
  },
  {
    name: 'eld 2.1 (small)',
    packages: ['eld'],
    async load() {
      const { eld } = await import('eld/small');
      return (text) => eld.detect(text).language || undefined;
    },
  },
  {
    name: 'tinyld 1.3 (normal)',
    packages: ['tinyld'],
    async load() {
      const { detect } = await import('tinyld');
      return (text) => detect(text) || undefined;
    },
  },
  {
    name: 'franc 6.2',
    packages: ['franc', 'trigram-utils', 'collapse-white-space', 'n-gram'],
    async load() {
      const { franc } = await import('franc');
      return (text) => {
        const code = franc(text, { minLength: 1 });
        return code === 'und' ? undefined : (ISO3_TO_1[code] ?? code);
      };
    },
  },
];

interface Row {
  language: string;
  text: string;
}

function readSet(): Row[] {
  const lines = fs.readFileSync(path.join(ROOT, 'nlu/language/detection-set.tsv'), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const [language = '', text = ''] = line.split('\t');
    return { language, text };
  });
}

function folderBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : fs.statSync(full).size;
  }
  return total;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
const pct = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`);

type Measured = Awaited<ReturnType<typeof measure>>;

async function measure(candidate: Candidate, rows: Row[]) {
  const before = process.memoryUsage().rss;
  const started = performance.now();
  const detect = await candidate.load();
  const loadMs = performance.now() - started;
  const rssMb = (process.memoryUsage().rss - before) / 1024 / 1024;
  const tally = { served: 0, servedRight: 0, other: 0, otherRight: 0, otherNotServed: 0, none: 0, noneWithheld: 0 };
  const micros: number[] = [];
  for (const row of rows) {
    // The same clean-up for every candidate: what is left is what the product would hand it.
    const words = languageText(row.text);
    let guess: string | undefined;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      guess = wordCount(words) === 0 ? undefined : detect(words);
      micros.push((performance.now() - t0) * 1000);
    }
    if (row.language === 'und') {
      tally.none++;
      if (!guess) tally.noneWithheld++;
    } else if (isServedLanguage(row.language)) {
      tally.served++;
      if (guess === row.language) tally.servedRight++;
    } else {
      tally.other++;
      if (guess === row.language) tally.otherRight++;
      if (!isServedLanguage(guess)) tally.otherNotServed++;
    }
  }
  micros.sort((a, b) => a - b);
  const installMb = candidate.packages.reduce((sum, p) => sum + folderBytes(path.join(ROOT, 'node_modules', p)), 0) / 1024 / 1024;
  return { name: candidate.name, tally, p50: quantile(micros, 0.5), p99: quantile(micros, 0.99), loadMs, rssMb, installMb };
}

/** Each detector in a fresh process, so one's memory and warm caches do not count for another. */
function measureApart(index: number): Measured {
  const out = execFileSync(process.execPath, ['--import', 'tsx', __filename, '--one', String(index)], { encoding: 'utf8', cwd: ROOT });
  return JSON.parse(out) as Measured;
}

async function main(): Promise<void> {
  const one = process.argv.indexOf('--one');
  if (one >= 0) {
    const candidate = CANDIDATES[Number(process.argv[one + 1])];
    if (!candidate) throw new Error('--one needs the index of a candidate');
    process.stdout.write(JSON.stringify(await measure(candidate, readSet())));
    return;
  }
  const results = CANDIDATES.map((_c, i) => measureApart(i));
  const counts = results[0]!.tally;
  const lines = [
    LANGUAGE_HEADING,
    '',
    'Written by `npm run bench:language` (`bench/language.ts`). The messages are our own, written for this product',
    `(\`nlu/language/detection-set.tsv\`): ${counts.served} in the five served languages (en, de, es, fr, pt), ${counts.other} in five others`,
    `(it, nl, pl, sv, tr) that must be routed, and ${counts.none} with no language in them ("ok", order ids, e-mail addresses,`,
    'numbers, emoji). Every detector gets the same clean-up first (`nlu/language/message-text.ts` takes ids, addresses,',
    'numbers and emoji out; nothing left means no language). "Not served" counts other-language messages that were not',
    'mistaken for a served language (what routing needs). Latency is per message after loading (3 runs of each);',
    "memory is the growth of the process's resident set while the detector loads, each detector in a fresh process.",
    '',
    `- date: ${new Date().toISOString().slice(0, 10)}`,
    `- machine: ${os.cpus()[0]?.model.trim() ?? 'unknown'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.arch()}`,
    `- Node ${process.version}`,
    '',
    '| detector | served languages right | other languages right | other not taken for served | no-language withheld | p50 µs | p99 µs | load ms | memory MB | install MB |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.name} | ${pct(r.tally.servedRight, r.tally.served)} | ${pct(r.tally.otherRight, r.tally.other)} | ${pct(r.tally.otherNotServed, r.tally.other)} | ${pct(r.tally.noneWithheld, r.tally.none)} | ${r.p50.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.loadMs.toFixed(0)} | ${r.rssMb.toFixed(0)} | ${r.installMb.toFixed(1)} |`,
    ),
    '',
  ];
  const section = lines.join('\n');
  writeSection(path.join(ROOT, 'docs/BENCHMARKS.md'), LANGUAGE_HEADING, section);
  process.stdout.write(section);
}

void main();
