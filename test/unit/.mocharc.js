// Unit tests run in one process, one file after another; a test slower than this is not a unit test.
const base = require('../../.mocharc.js');
module.exports = { ...base, timeout: 10_000, slow: 200 };
