import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const WRITER = path.join(__dirname, 'write-workflow-bundle.ts');

/**
 * The workflow code, bundled by a child process into a file for the worker to load (it reads it once,
 * as it is created; then the file can go). Bundling in the worker's own process costs it some 200 MB
 * of resident memory that V8 does not hand back (webpack's heap and its in-memory file system), for as
 * long as the worker runs.
 */
export async function bundleInChildProcess(): Promise<{ bundle: { codePath: string }; remove(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workflow-bundle-'));
  const codePath = path.join(dir, 'workflows.js');
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    await new Promise<void>((resolve, reject) => {
      // The same loader flags as this process (tsx in development and in the images).
      const child = spawn(process.execPath, [...process.execArgv, WRITER, codePath], { stdio: ['ignore', 'inherit', 'inherit'] });
      child.once('error', reject);
      child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`bundling the workflow code failed (exit ${code ?? signal})`))));
    });
    return { bundle: { codePath }, remove };
  } catch (err) {
    remove();
    throw err;
  }
}
