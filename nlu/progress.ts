// A progress bar for long jobs: redrawn in place on a terminal, a line per 10% otherwise.

export interface ProgressSink {
  write: (chunk: string) => void;
  isTTY?: boolean;
}

export function progressBar(label: string, sink: ProgressSink = process.stderr): { update: (done: number, total: number) => void; done: () => void } {
  const started = Date.now();
  let lastDraw = 0;
  let lastDecile = -1;
  let finished = false;
  const line = (done: number, total: number) => {
    const ratio = total > 0 ? done / total : 1;
    const width = 24;
    const filled = Math.round(ratio * width);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(ratio * 100)}% ${done}/${total} ${seconds}s`;
  };
  let last = { done: 0, total: 0 };
  return {
    update(done, total) {
      last = { done, total };
      if (sink.isTTY) {
        const now = Date.now();
        if (now - lastDraw < 100 && done < total) return;
        lastDraw = now;
        sink.write(`\r${line(done, total)}`);
      } else {
        const decile = Math.floor((done / Math.max(1, total)) * 10);
        if (decile === lastDecile) return;
        lastDecile = decile;
        sink.write(`${line(done, total)}\n`);
      }
    },
    done() {
      if (finished) return;
      finished = true;
      if (sink.isTTY) sink.write(`\r${line(last.total, last.total)}\n`);
    },
  };
}
