// The shipped model on the shared dev splits, as the product runs it (tiers 1–2, `classifyLocal`):
// what `npm run bench:nlu` writes into docs/BENCHMARKS.md and `nlu card` into the model card.
import path from 'node:path';
import { intentDefinition, OOS_INTENT } from '../domain/intents';
import { classifyLocal } from './cascade';
import { readExamples, type Example } from './csv';
import { evaluate, type EvalReport } from './evaluate';
import type { IntentModel } from './model';
import { publicSource, readMappedDev } from './public-data';

export const BITEXT_DEV_SETS = ['bitext-customer-support', 'bitext-customer-support-20k'] as const;

export interface OutOfScopeFigures {
  /** CLINC150 dev `oos` messages, and the share of them tiers 1–2 give no in-scope intent. */
  oos: number;
  oosKeptOut: number;
  /** CLINC150 dev in-scope messages (banking, travel, small devices...: off-topic for a store), and the share given a store intent. */
  offTopic: number;
  offTopicGivenStoreIntent: number;
  /** The store intents given most often to off-topic messages. */
  worst: { intent: string; count: number }[];
}

export interface ShippedDevFigures {
  bitext: { name: string; report: EvalReport; perIntent: { intent: string; examples: number; decided: number; precision: number }[] }[];
  outOfScope: OutOfScopeFigures;
}

/** An intent that starts a flow or answers a store question (not small talk, not out of scope). */
export function isStoreIntent(label: string): boolean {
  const kind = intentDefinition(label)?.kind;
  return kind !== undefined && kind !== 'small_talk' && kind !== 'out_of_scope';
}

function perIntent(examples: readonly Example[], model: IntentModel) {
  const by = new Map<string, { examples: number; decided: number; right: number }>();
  for (const e of examples) {
    const c = classifyLocal(e.text, { model });
    const row = by.get(e.label) ?? { examples: 0, decided: 0, right: 0 };
    row.examples++;
    if (c.tier !== 'none') {
      row.decided++;
      if (c.label === e.label) row.right++;
    }
    by.set(e.label, row);
  }
  return [...by.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([intent, r]) => ({ intent, examples: r.examples, decided: r.decided / r.examples, precision: r.right / Math.max(1, r.decided) }));
}

export function outOfScopeFigures(examples: readonly Example[], model: IntentModel): OutOfScopeFigures {
  let oos = 0;
  let kept = 0;
  let offTopic = 0;
  let given = 0;
  const worst = new Map<string, number>();
  for (const e of examples) {
    const c = classifyLocal(e.text, { model });
    const inScopeAnswer = c.tier !== 'none' && c.label !== OOS_INTENT;
    if (e.label === OOS_INTENT) {
      oos++;
      if (!inScopeAnswer) kept++;
    } else {
      offTopic++;
      if (inScopeAnswer && isStoreIntent(c.label)) {
        given++;
        worst.set(c.label, (worst.get(c.label) ?? 0) + 1);
      }
    }
  }
  return {
    oos,
    oosKeptOut: kept / Math.max(1, oos),
    offTopic,
    offTopicGivenStoreIntent: given / Math.max(1, offTopic),
    worst: [...worst.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 5)
      .map(([intent, count]) => ({ intent, count })),
  };
}

export function shippedDevFigures(model: IntentModel, sharedDir: string): ShippedDevFigures {
  return {
    bitext: BITEXT_DEV_SETS.map((name) => {
      const dev = readMappedDev(sharedDir, publicSource(name));
      return { name, report: evaluate(dev, model, { rules: true }), perIntent: perIntent(dev, model) };
    }),
    outOfScope: outOfScopeFigures(readExamples(path.join(sharedDir, 'clinc150', 'dev.csv')), model),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The dev table, as both the benchmark and the model card print it. */
export function devTable(f: ShippedDevFigures): string[] {
  const lines = [
    '| dev split | messages | decided by tiers 1–2 | precision of decided | top-1 accuracy | macro-F1 | keyword | model | none |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const { name, report: r } of f.bitext) {
    lines.push(
      `| ${name} | ${r.examples} | ${pct(r.decided)} | ${pct(r.decidedPrecision)} | ${r.accuracy.toFixed(3)} | ${r.macroF1.toFixed(3)} | ${r.tiers.keyword.count} | ${r.tiers.model.count} | ${r.tiers.none.count} |`,
    );
  }
  const o = f.outOfScope;
  lines.push(
    '',
    `CLINC150 dev: of its ${o.oos} out-of-scope (\`oos\`) messages, tiers 1–2 give ${pct(o.oosKeptOut)} no in-scope intent (they get the clarifying reply);` +
      ` of its ${o.offTopic} in-scope messages (150 intents of banking, travel, cars, small talk...: all off-topic for a store), tiers 1–2 give ${pct(o.offTopicGivenStoreIntent)} a store intent` +
      (o.worst.length > 0 ? ` (most often ${o.worst.map((w) => `${w.intent} ${w.count}`).join(', ')}).` : '.'),
  );
  return lines;
}

/** Per intent: decided share and precision on each Bitext dev split. */
export function perIntentTable(f: ShippedDevFigures): string[] {
  const names = [...new Set(f.bitext.flatMap((b) => b.perIntent.map((p) => p.intent)))].sort();
  const lines = [
    `| intent | ${f.bitext.map((b) => `${b.name}: n, decided, precision`).join(' | ')} |`,
    `| --- | ${f.bitext.map(() => '---:').join(' | ')} |`,
  ];
  for (const intent of names) {
    const cells = f.bitext.map((b) => {
      const p = b.perIntent.find((x) => x.intent === intent);
      return p ? `${p.examples}, ${pct(p.decided)}, ${pct(p.precision)}` : '–';
    });
    lines.push(`| ${intent} | ${cells.join(' | ')} |`);
  }
  return lines;
}

export interface RobustnessRow {
  kind: string;
  messages: number;
  /** Tiers 1–2's answer (the decided label, else `oos`) is the gold label. */
  accuracy: number;
  decided: number;
  precision: number;
  /** Tiers 1–2 answer exactly as they answer the clean form. */
  sameAsClean: number;
}

/** The clean examples and each perturbation of them (nlu/robustness.ts), through tiers 1–2. */
export function robustnessFigures(examples: readonly Example[], model: IntentModel, set: { kind: string; clean: Example; text: string }[]): RobustnessRow[] {
  const answer = (text: string) => {
    const c = classifyLocal(text, { model });
    return { decided: c.tier !== 'none', label: c.tier === 'none' ? OOS_INTENT : c.label };
  };
  const clean = new Map(examples.map((e) => [e.text, answer(e.text)]));
  const rows: RobustnessRow[] = [];
  const kinds = ['clean', ...new Set(set.map((s) => s.kind))];
  for (const kind of kinds) {
    const items = kind === 'clean' ? examples.map((e) => ({ clean: e, text: e.text })) : set.filter((s) => s.kind === kind);
    let right = 0;
    let decided = 0;
    let decidedRight = 0;
    let same = 0;
    for (const item of items) {
      const a = kind === 'clean' ? (clean.get(item.text) as { decided: boolean; label: string }) : answer(item.text);
      const c = clean.get(item.clean.text) as { decided: boolean; label: string };
      if (a.label === item.clean.label) right++;
      if (a.decided) {
        decided++;
        if (a.label === item.clean.label) decidedRight++;
      }
      if (a.label === c.label && a.decided === c.decided) same++;
    }
    const n = Math.max(1, items.length);
    rows.push({ kind, messages: items.length, accuracy: right / n, decided: decided / n, precision: decidedRight / Math.max(1, decided), sameAsClean: same / n });
  }
  return rows;
}

export function robustnessTable(rows: RobustnessRow[]): string[] {
  return [
    '| form | messages | accuracy | decided by tiers 1–2 | precision of decided | same answer as the clean form |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.kind} | ${r.messages} | ${r.accuracy.toFixed(3)} | ${pct(r.decided)} | ${pct(r.precision)} | ${pct(r.sameAsClean)} |`),
  ];
}
