#!/usr/bin/env node
// `npm start` on a fresh clone: install the npm packages if they are missing, then bring everything up.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
if (!fs.existsSync(path.join(root, 'node_modules', '.package-lock.json'))) {
  // Before the install there is no logger to load: plain text it is.
  process.stdout.write('Installing npm packages (first start only)…\n');
  const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (install.status !== 0) process.exit(install.status ?? 1);
}
const product = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'dev', 'start.ts')], {
  cwd: root,
  // The IPC channel closes when this process dies however it dies, which tells the product to stop.
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
});
// Ctrl-C reaches the product too (same process group); wait for its orderly stop instead of dying first.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => product.kill(signal));
product.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
