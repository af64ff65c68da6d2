/**
 * Reads Prometheus text exposition (format 0.0.4) into samples and types, so a test can check exact
 * values per label set rather than look for substrings.
 */
export interface Exposition {
  /** `name{a="1",b="2"}` (labels sorted) or `name` → value. */
  samples: Map<string, number>;
  /** Metric family name → its `# TYPE`. */
  types: Map<string, string>;
}

const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function sampleKey(name: string, labels: Record<string, string> = {}): string {
  const parts = Object.keys(labels)
    .sort()
    .map((k) => `${k}="${labels[k]}"`);
  return parts.length ? `${name}{${parts.join(',')}}` : name;
}

export function parseExposition(text: string): Exposition {
  const samples = new Map<string, number>();
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) {
      if (types.has(type[1]!)) throw new Error(`metric family ${type[1]} is declared twice`);
      types.set(type[1]!, type[2]!);
      continue;
    }
    if (line.startsWith('#')) continue;
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)(\s+\d+)?$/.exec(line);
    if (!sample) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const m of (sample[3] ?? '').matchAll(LABEL)) labels[m[1]!] = m[2]!.replace(/\\(.)/g, (_all, c: string) => (c === 'n' ? '\n' : c));
    const raw = sample[4]!;
    const value = raw === '+Inf' ? Infinity : raw === '-Inf' ? -Infinity : Number(raw);
    if (Number.isNaN(value) && raw !== 'NaN') throw new Error(`not a sample value: ${line}`);
    const key = sampleKey(sample[1]!, labels);
    if (samples.has(key)) throw new Error(`sample ${key} appears twice`);
    samples.set(key, value);
  }
  return { samples, types };
}

/** The samples of one metric name, as label sets → value. */
export function samplesOf(exposition: Exposition, name: string): { labels: Record<string, string>; value: number }[] {
  const found: { labels: Record<string, string>; value: number }[] = [];
  for (const [key, value] of exposition.samples) {
    const match = /^([^{]+)(\{(.*)\})?$/.exec(key);
    if (match?.[1] !== name) continue;
    const labels: Record<string, string> = {};
    for (const m of (match[3] ?? '').matchAll(LABEL)) labels[m[1]!] = m[2]!;
    found.push({ labels, value });
  }
  return found;
}
