/** Plays scenarios k times each, and tells which ones no longer do what their files expect. */
import { runScenario, type EvalTarget, type RunResult } from './run-scenario';
import type { Scenario } from './scenario';

/** Every scenario, run 0..k-1 each (run i says phrasing i mod n of every line), one conversation at a time. */
export async function runSuite(target: EvalTarget, scenarios: readonly Scenario[], k: number, onRun?: (result: RunResult) => void): Promise<RunResult[]> {
  const results: RunResult[] = [];
  for (const scenario of scenarios) {
    for (let run = 0; run < k; run++) {
      const result = await runScenario(target, scenario, run);
      onRun?.(result);
      results.push(result);
    }
  }
  return results;
}

export interface AgainstLine {
  file: string;
  scenario: string;
  changed: boolean;
  /** What differs from the file's expectations (outcome, actions, handoff, store), from the first run that differed. */
  changes: string[];
}

/** One line per scenario: unchanged, or what changed under the current code compared with what the file expects. */
export function compareWithExpected(results: readonly RunResult[]): AgainstLine[] {
  const lines = new Map<string, AgainstLine>();
  for (const result of results) {
    const line = lines.get(result.file) ?? { file: result.file, scenario: result.scenario, changed: false, changes: [] };
    if (!result.passed && !line.changed) {
      line.changed = true;
      line.changes = [...result.problems, ...result.wrongActions.map((a) => `wrong action ${a}`)];
      if (result.conversationId) line.changes.push(`(conversation ${result.conversationId}, run ${result.run + 1})`);
    }
    lines.set(result.file, line);
  }
  return [...lines.values()];
}

export function formatAgainst(lines: readonly AgainstLine[]): string {
  const changed = lines.filter((l) => l.changed).length;
  return [
    ...lines.flatMap((l) => (l.changed ? [`changed    ${l.file} (${l.scenario})`, ...l.changes.map((c) => `             ${c}`)] : [`unchanged  ${l.file} (${l.scenario})`])),
    `${lines.length - changed} unchanged, ${changed} changed`,
  ].join('\n');
}
