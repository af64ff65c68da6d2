// `npm test`: the unit tests, then the integration tests (finding the Temporal CLI first, building it
// once if needed), each with its own mocha config; then one line with the sum of both runs, which CI reads.
//   npm test                  both suites
//   npm test -- <files>       the chosen files, each with its own suite's config; mocha flags pass through
//   npm run test:unit         test/unit only (--unit); npm run test:integration: test/integration only
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveTemporalCli } from './temporal-cli';

interface Counts {
  passes: number;
  failures: number;
  pending: number;
}

const root = path.resolve(__dirname, '..');
const suites = ['unit', 'integration'] as const;
type Suite = (typeof suites)[number];

const args = process.argv.slice(2);
const only = suites.filter((suite) => args.includes(`--${suite}`));
const isFile = (arg: string) => !arg.startsWith('-') && (arg.endsWith('.ts') || fs.existsSync(path.resolve(root, arg)));
const files = args.filter(isFile);
// Everything else is for mocha, in order (`--grep <pattern>`, `--bail`, ...).
const mochaArgs = args.filter((arg) => !isFile(arg) && !suites.some((suite) => arg === `--${suite}`));

/** Which suite's config a chosen file runs with: test/unit's, or else the integration one's (long timeouts). */
const suiteOf = (file: string): Suite => {
  const relative = path.relative(path.join(root, 'test', 'unit'), path.resolve(root, file));
  return relative.startsWith('..') || path.isAbsolute(relative) ? 'integration' : 'unit';
};

const runs: { suite: Suite; files: string[] }[] = suites
  .filter((suite) => only.length === 0 || only.includes(suite))
  .map((suite) => ({ suite, files: files.filter((file) => suiteOf(file) === suite) }))
  .filter((run) => files.length === 0 || run.files.length > 0);

/** Every *.test.ts under a folder. */
function testFilesIn(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFilesIn(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

// A test file outside test/unit and test/integration would never run, and one still on node:test would
// run under the wrong runner: both are mistakes to stop at, not tests to drop quietly.
const misplaced = testFilesIn(path.join(root, 'test')).flatMap((file) => {
  const relative = path.relative(root, file);
  if (!suites.some((suite) => relative.startsWith(path.join('test', suite) + path.sep))) return [`${relative}: not in test/unit/ or test/integration/`];
  return /from ['"]node:test['"]/.test(fs.readFileSync(file, 'utf8')) ? [`${relative}: imports node:test; the suite runs on mocha`] : [];
});
if (misplaced.length > 0) {
  console.error(`these test files would not run as they should:\n${misplaced.map((line) => `  ${line}`).join('\n')}`);
  process.exit(1);
}

/**
 * The timer tests' Java time-skipping server: installed once from Maven Central (cached), so `npm test`
 * works on a fresh clone with Java and Maven. Without them the timer tests fail and say what to install.
 */
function installedTestServer(): string | undefined {
  const install = spawnSync('bash', [path.join(root, 'scripts', 'temporal-test-server.sh')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  return install.status === 0 ? install.stdout.trim().split('\n').at(-1) : undefined;
}

const total: Counts = { passes: 0, failures: 0, pending: 0 };
let failedRuns = 0;
for (const run of runs) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (run.suite === 'integration') {
    const cli = resolveTemporalCli();
    if (cli) env.TEMPORAL_CLI_PATH = cli;
    env.TEMPORAL_TEST_SERVER_PATH ??= installedTestServer();
    // Worker processes the tests start would all bind the one default metrics port; a test that wants one gives its own.
    env.WORKER_METRICS_ADDRESS = 'off';
  }
  const summary = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mocha-summary-')), 'counts.json');
  env.MOCHA_SUMMARY_FILE = summary;
  console.log(`\n=== ${run.suite} tests`);
  const specArgs = run.files.length > 0 ? run.files : [`test/${run.suite}/**/*.test.ts`];
  const result = spawnSync(
    process.execPath,
    [require.resolve('mocha/bin/mocha.js'), '--config', `test/${run.suite}/.mocharc.js`, ...mochaArgs, ...specArgs],
    { cwd: root, env, stdio: 'inherit' },
  );
  const counts = fs.existsSync(summary) ? (JSON.parse(fs.readFileSync(summary, 'utf8')) as Counts) : undefined;
  fs.rmSync(path.dirname(summary), { recursive: true, force: true });
  if (counts) {
    total.passes += counts.passes;
    total.failures += counts.failures;
    total.pending += counts.pending;
  }
  if (result.status !== 0 && !(counts && counts.failures > 0)) {
    // mocha stopped without reporting failed tests (a file that does not load, a crashed worker): still a failure.
    console.log(`the ${run.suite} run ended with ${result.signal ?? `exit code ${result.status}`} before reporting its failures`);
    total.failures += 1;
  }
  if (result.status !== 0) failedRuns += 1;
}

console.log(`\n${total.passes} passed, ${total.failures} failed, ${total.pending} skipped`);
process.exit(failedRuns > 0 || total.failures > 0 ? 1 : 0);
