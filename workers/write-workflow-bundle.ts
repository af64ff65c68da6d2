// Bundles the workflow code into the file named on the command line (see workflow-bundle-file.ts).
import fs from 'node:fs';
import { bundleConversationWorkflows } from './conversation-worker';

async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('usage: write-workflow-bundle.ts <file to write the bundle to>');
  const { code } = await bundleConversationWorkflows();
  // Written whole, then renamed: the worker never reads half a bundle.
  fs.writeFileSync(`${out}.partial`, code);
  fs.renameSync(`${out}.partial`, out);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
