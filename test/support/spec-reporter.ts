import fs from 'node:fs';
import Mocha from 'mocha';

/**
 * mocha's spec output; when MOCHA_SUMMARY_FILE is set, the run's counts are also written there, so
 * `npm test` can sum the unit and integration runs into the one final line CI reads.
 */
export default class SpecWithSummary extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const file = process.env.MOCHA_SUMMARY_FILE;
      if (!file) return;
      const { passes, failures, pending } = this.stats;
      fs.writeFileSync(file, JSON.stringify({ passes, failures, pending }));
    });
  }
}
