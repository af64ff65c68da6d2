/**
 * Counts predictions against gold labels and turns them into the figures every evaluation
 * reports: accuracy, macro-F1 over the gold labels, out-of-scope recall, the worst confusions.
 */
export class ScoreTally {
  private total = 0;
  private correct = 0;
  private oos = 0;
  private oosCaught = 0;
  private inScope = 0;
  private inScopeCorrect = 0;
  private readonly gold = new Set<string>();
  private readonly tp = new Map<string, number>();
  private readonly fp = new Map<string, number>();
  private readonly fn = new Map<string, number>();
  private readonly confusion = new Map<string, number>();

  /** `oosLabel` names the out-of-scope class, when the data has one. */
  constructor(private readonly oosLabel?: string) {}

  add(gold: string, predicted: string): void {
    this.total++;
    this.gold.add(gold);
    if (predicted === gold) {
      this.correct++;
      bump(this.tp, gold);
    } else {
      bump(this.fp, predicted);
      bump(this.fn, gold);
      bump(this.confusion, `${gold}\u0000${predicted}`);
    }
    if (this.oosLabel === undefined) return;
    if (gold === this.oosLabel) {
      this.oos++;
      if (predicted === gold) this.oosCaught++;
    } else {
      this.inScope++;
      if (predicted === gold) this.inScopeCorrect++;
    }
  }

  scores(): { accuracy: number; macroF1: number; oosRecall?: number; inScopeAccuracy?: number } {
    const f1s = [...this.gold].map((label) => {
      const t = this.tp.get(label) ?? 0;
      const precision = t / Math.max(1, t + (this.fp.get(label) ?? 0));
      const recall = t / Math.max(1, t + (this.fn.get(label) ?? 0));
      return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    });
    return {
      accuracy: this.correct / Math.max(1, this.total),
      macroF1: f1s.reduce((a, b) => a + b, 0) / Math.max(1, f1s.length),
      ...(this.oos > 0 ? { oosRecall: this.oosCaught / this.oos, inScopeAccuracy: this.inScopeCorrect / Math.max(1, this.inScope) } : {}),
    };
  }

  /** The most frequent gold → predicted mistakes, most frequent first. */
  worstConfusions(top: number): { gold: string; predicted: string; count: number }[] {
    return [...this.confusion.entries()]
      .map(([key, count]) => {
        const [gold, predicted] = key.split('\u0000') as [string, string];
        return { gold, predicted, count };
      })
      .sort((a, b) => b.count - a.count || a.gold.localeCompare(b.gold) || a.predicted.localeCompare(b.predicted))
      .slice(0, top);
  }
}

/** The q-quantile (nearest rank) of values sorted in ascending order; 0 for none. */
export function percentile(sortedAscending: ArrayLike<number>, q: number): number {
  if (sortedAscending.length === 0) return 0;
  return sortedAscending[Math.min(sortedAscending.length - 1, Math.ceil(q * sortedAscending.length) - 1)] ?? 0;
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
