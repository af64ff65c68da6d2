// Integration files run in parallel worker processes: each uses task queues of its own, and they all
// share one Temporal dev server that the global fixture starts (support/shared-temporal.ts).
const base = require('../../.mocharc.js');
module.exports = {
  ...base,
  require: [...base.require, './test/support/shared-temporal.ts'],
  parallel: true,
  jobs: Number(process.env.MOCHA_JOBS) || 2,
  timeout: 120_000,
  slow: 5_000,
};
