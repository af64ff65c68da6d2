/** The eval's figures per scenario and overall, and the table `npm run eval` prints. */
import type { RunResult } from './run-scenario';

/**
 * pass^k as tau-bench estimates it from n runs with c passes: the chance that k runs drawn from them
 * all pass, C(c, k) / C(n, k). With k = n it is 1 when every run passed, else 0.
 */
export function passHatK(runs: number, passes: number, k: number): number {
  if (k < 1 || k > runs) throw new Error(`pass^${k} needs between 1 and ${runs} runs`);
  if (passes < 0 || passes > runs) throw new Error(`${passes} passes out of ${runs} runs`);
  let value = 1;
  for (let i = 0; i < k; i++) value *= (passes - i) / (runs - i);
  return Math.max(0, value);
}

/** What a scenario's runs, and the whole suite's, add up to. */
interface RunTotals {
  verified: number;
  /** Runs whose outcome the server did not tell. */
  unknownOutcomes: number;
  /** Runs resolved but still inside the resolution window (verified unless the customer comes back). */
  awaitingWindow: number;
  /** Runs whose store records were exactly as expected. */
  storeExact: number;
  wrongActions: number;
  handoffs: number;
  turns: number;
  /** A scenario's pass^k; for the suite, the mean of its scenarios'. */
  passK: number;
}

export interface ScenarioSummary extends RunTotals {
  scenario: string;
  file: string;
  runs: number;
  passes: number;
  /** The first problem of each failed run. */
  failures: string[];
}

export interface EvalSummary extends RunTotals {
  k: number;
  scenarios: ScenarioSummary[];
  conversations: number;
  /** The resolution windows (hours) the server applied, as its outcome records show them. */
  windowHours: number[];
  /** True when a wrong action happened or a scenario's expectation failed in any run. */
  failed: boolean;
}

export function summarize(results: readonly RunResult[], k: number): EvalSummary {
  const byScenario = new Map<string, RunResult[]>();
  for (const result of results) byScenario.set(result.file, [...(byScenario.get(result.file) ?? []), result]);
  const scenarios = [...byScenario.values()].map((runs): ScenarioSummary => {
    const passes = runs.filter((r) => r.passed).length;
    return {
      scenario: runs[0]?.scenario ?? '',
      file: runs[0]?.file ?? '',
      runs: runs.length,
      passes,
      verified: runs.filter((r) => r.outcome === 'verified').length,
      unknownOutcomes: runs.filter((r) => r.outcome === 'unknown').length,
      awaitingWindow: runs.filter((r) => r.outcome === 'awaiting window').length,
      storeExact: runs.filter((r) => r.storeProblems.length === 0 && !r.problems.some((p) => p.startsWith('the run broke'))).length,
      wrongActions: runs.reduce((sum, r) => sum + r.wrongActions.length, 0),
      handoffs: runs.filter((r) => r.handoff).length,
      turns: runs.reduce((sum, r) => sum + r.turns, 0),
      passK: passHatK(runs.length, passes, Math.min(k, runs.length)),
      failures: runs.filter((r) => !r.passed).map((r) => `run ${r.run + 1}: ${r.problems[0] ?? `wrong action ${r.wrongActions.join(', ')}`}`),
    };
  });
  const sum = (pick: (s: ScenarioSummary) => number) => scenarios.reduce((total, s) => total + pick(s), 0);
  return {
    k,
    scenarios,
    conversations: sum((s) => s.runs),
    verified: sum((s) => s.verified),
    unknownOutcomes: sum((s) => s.unknownOutcomes),
    awaitingWindow: sum((s) => s.awaitingWindow),
    storeExact: sum((s) => s.storeExact),
    wrongActions: sum((s) => s.wrongActions),
    handoffs: sum((s) => s.handoffs),
    turns: sum((s) => s.turns),
    passK: scenarios.length === 0 ? 0 : sum((s) => s.passK) / scenarios.length,
    windowHours: [...new Set(results.flatMap((r) => (r.windowHours === undefined ? [] : [r.windowHours])))].sort((a, b) => a - b),
    failed: scenarios.some((s) => s.passes < s.runs),
  };
}

const percent = (part: number, whole: number) => (whole === 0 ? '-' : `${Math.round((part / whole) * 1000) / 10}%`);
const notes = (s: { unknownOutcomes: number; awaitingWindow: number }) => {
  const parts = [s.unknownOutcomes > 0 ? `${s.unknownOutcomes} unknown` : '', s.awaitingWindow > 0 ? `${s.awaitingWindow} awaiting window` : ''].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
};
const perConversation = (total: number, runs: number) => (runs === 0 ? '-' : (total / runs).toFixed(1));

/** The table: one row per scenario, then the overall row, then what failed. */
export function formatTable(summary: EvalSummary, target: { baseUrl: string }): string {
  const window =
    summary.windowHours.length === 0
      ? 'resolution window: not known (no conversation recorded a resolution window)'
      : `resolution window: ${summary.windowHours.map((h) => `${h} h`).join(', ')} (RESOLUTION_WINDOW_HOURS as the server recorded it)`;
  const header = ['scenario', 'runs', 'verified automation', 'store exact', 'wrong actions', 'handoffs', 'turns/conv', `pass^${summary.k}`, 'result'];
  const row = (s: Pick<ScenarioSummary, 'runs' | 'verified' | 'unknownOutcomes' | 'awaitingWindow' | 'storeExact' | 'wrongActions' | 'handoffs' | 'turns' | 'passK'> & { name: string; passed: boolean }) => [
    s.name,
    String(s.runs),
    s.unknownOutcomes === s.runs ? 'unknown' : `${percent(s.verified, s.runs)}${notes(s)}`,
    s.storeExact === s.runs ? 'pass' : `FAIL (${s.runs - s.storeExact}/${s.runs})`,
    String(s.wrongActions),
    String(s.handoffs),
    perConversation(s.turns, s.runs),
    s.passK.toFixed(2),
    s.passed ? 'pass' : 'FAIL',
  ];
  const rows = summary.scenarios.map((s) => row({ ...s, name: s.scenario, passed: s.passes === s.runs }));
  const overall = row({
    name: 'overall',
    runs: summary.conversations,
    verified: summary.verified,
    unknownOutcomes: summary.unknownOutcomes,
    awaitingWindow: summary.awaitingWindow,
    storeExact: summary.storeExact,
    wrongActions: summary.wrongActions,
    handoffs: summary.handoffs,
    turns: summary.turns,
    passK: summary.passK,
    passed: !summary.failed,
  });
  const widths = header.map((h, i) => Math.max(h.length, ...[...rows, overall].map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const failures = summary.scenarios.flatMap((s) => s.failures.map((f) => `  ${s.scenario} (${s.file}) ${f}`));
  return [
    `eval against ${target.baseUrl}: ${summary.scenarios.length} scenarios x ${summary.k} runs, varied phrasing; ${window}`,
    `verified automation rate = verified / conversations; "unknown": the server did not report an outcome; "awaiting window": resolved, verified once the window passes without a come-back; an open conversation with nothing resolved is judged as its idle close will judge it`,
    '',
    line(header),
    rule,
    ...rows.map(line),
    rule,
    line(overall),
    '',
    summary.wrongActions > 0 ? `WRONG ACTIONS: ${summary.wrongActions} (must be 0)` : 'wrong actions: 0',
    ...(failures.length > 0 ? ['failed expectations:', ...failures] : ['every expectation held']),
  ].join('\n');
}
