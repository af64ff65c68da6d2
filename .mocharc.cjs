// mocha for every test file: TypeScript through tsx, spec output, no root hooks (each file wraps its own in a describe).
module.exports = {
  require: ['tsx/cjs'],
  extension: ['ts'],
  reporter: 'spec',
  timeout: 180_000,
};
