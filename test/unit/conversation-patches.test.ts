import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'mocha';
import * as patches from '../../workflows/conversation/patches';

const ROOT = path.resolve(__dirname, '../../workflows/conversation');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every `patched(…)` and `deprecatePatch(…)` argument in the conversation workflow's code, by file. */
const calls = sources(ROOT).flatMap((file) =>
  [...fs.readFileSync(file, 'utf8').matchAll(/\b(?:patched|deprecatePatch)\(\s*([^)\s][^)]*?)\s*\)/g)].map((m) => ({ file: path.relative(ROOT, file), argument: m[1] ?? '' })),
);
const exported = patches as unknown as Record<string, unknown>;

// A patch first decided after a local activity breaks replay (see PATCHES_UP_FRONT); the list is what a run decides up front.
describe('the conversation workflow decides every patch up front', () => {
  it('when the code is searched for patches, then it finds the calls', () => {
    assert.ok(calls.length >= patches.CONVERSATION_PATCHES.length, JSON.stringify(calls));
  });

  for (const { file, argument } of calls.filter((c) => c.argument !== 'id' && c.argument !== 'PATCHES_UP_FRONT')) {
    it(`when ${file} calls patched(${argument}), then it is a constant of patches.ts that the list decides`, () => {
      assert.match(argument, /^[A-Z][A-Z0-9_]*$/, 'a named constant from patches.ts, not a literal');
      const id = exported[argument];
      assert.equal(typeof id, 'string', `${argument} is not exported by patches.ts`);
      assert.ok(patches.CONVERSATION_PATCHES.includes(id as string), `${argument} (${String(id)}) is not in CONVERSATION_PATCHES`);
    });
  }

  it('when the list is read, then it names every patch constant once and not the gate', () => {
    const constants = Object.entries(exported).filter(([name, value]) => name.endsWith('_PATCH') && typeof value === 'string').map(([, value]) => value as string);
    assert.deepEqual([...patches.CONVERSATION_PATCHES].sort(), [...constants].sort());
    assert.equal(new Set(patches.CONVERSATION_PATCHES).size, patches.CONVERSATION_PATCHES.length);
    assert.ok(!patches.CONVERSATION_PATCHES.includes(patches.PATCHES_UP_FRONT));
  });

  it('when every patch is decided at once, then patches.ts is where it happens', () => {
    const deciders = new Set(calls.filter((c) => c.argument === 'id' || c.argument === 'PATCHES_UP_FRONT').map((c) => c.file));
    assert.deepEqual([...deciders], ['patches.ts']);
  });
});
