import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'mocha';
import { folderCycles, folderGraph, sourceFiles } from '../../dev/check-folder-cycles';

const made: string[] = [];

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'folder-cycles-'));
  made.push(root);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

const cyclesOf = (root: string) => folderCycles(folderGraph(root, sourceFiles(root)));

describe('the folder-cycle check', () => {
  after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  it('when two folders import each other through different files, then it reports them with the edges', () => {
    const root = tree({
      'nlu/main.ts': "import { UsageError } from '../cli/args';\n",
      'nlu/cascade.ts': 'export const classify = 1;\n',
      'cli/args.ts': 'export class UsageError extends Error {}\n',
      'cli/commands/nlu.ts': "import { classify } from '../../nlu/cascade';\n",
    });
    assert.deepEqual(cyclesOf(root), [['cli', 'nlu']]);
    const graph = folderGraph(root, sourceFiles(root));
    assert.equal(graph.get('cli')?.get('nlu'), `${path.join('cli', 'commands', 'nlu.ts')} imports '../../nlu/cascade'`);
  });

  it('when a cycle runs through three folders and only type imports, then it is still a cycle', () => {
    const root = tree({
      'a/x.ts': "import type { Y } from '../b';\nexport type X = Y;\n",
      'b/index.ts': "export type { Z as Y } from '../c/z.js';\n",
      'c/z.ts': "import type { X } from '../a/x';\nexport type Z = X | 1;\n",
      'd/free.ts': "import type { X } from '../a/x';\nexport type F = X;\n",
    });
    assert.deepEqual(cyclesOf(root), [['a', 'b', 'c']]);
  });

  it('when folders only import downwards, packages and themselves, then there is no cycle', () => {
    const root = tree({
      'cli/main.ts': "import { classify } from '../nlu/cascade';\nimport fs from 'node:fs';\n",
      'nlu/cascade.ts': "import { parse } from './model';\nimport { OOS } from '../domain/intents';\nimport { z } from 'zod';\n",
      'nlu/model.ts': 'export const parse = 1;\n',
      'domain/intents.ts': "export const OOS = 'oos';\n",
      'node_modules/pkg/index.ts': "import '../../cli/main';\n",
    });
    assert.deepEqual(cyclesOf(root), []);
  });

  it("when run on this repository, then its top-level folders form no cycle", () => {
    const root = path.resolve(__dirname, '..', '..');
    assert.deepEqual(cyclesOf(root), []);
  });
});
