// What every mocha run shares: TypeScript through tsx, spec output with a summary for `npm test`.
// test/unit/.mocharc.js and test/integration/.mocharc.js add their own timeouts and parallelism;
// `npm test` (dev/run-tests.ts) picks one per file.
module.exports = {
  require: ['tsx/cjs'],
  extension: ['ts'],
  reporter: './test/support/spec-reporter.ts',
  timeout: 120_000,
};
