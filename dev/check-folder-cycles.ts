// `npm run lint` runs this: fails when top-level folders import each other in a circle (nlu → cli → nlu).
// eslint's import-x/no-cycle follows files, so two folders that depend on each other through
// different files pass it; the layout only reads as layers when the folder graph has no cycle.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SKIP = new Set(['node_modules', 'data']);

export function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...sourceFiles(full));
    else if (/\.(ts|mts|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(full);
  }
  return found;
}

/** The file a relative specifier names, as TypeScript would find it (with or without extension, or a folder's index). */
function resolveRelative(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  const stem = base.replace(/\.(js|mjs|cjs)$/, '');
  const candidates = [base, `${stem}.ts`, `${stem}.mts`, `${stem}.cts`, path.join(base, 'index.ts')];
  return candidates.find((file) => fs.existsSync(file) && fs.statSync(file).isFile());
}


/** folder → folder it imports → one importing file and specifier, to show where an edge comes from. */
export function folderGraph(root: string, files: readonly string[]): Map<string, Map<string, string>> {
  const topFolder = (file: string): string | undefined => {
    const parts = path.relative(root, file).split(path.sep);
    return parts.length > 1 ? parts[0] : undefined;
  };
  const graph = new Map<string, Map<string, string>>();
  for (const file of files) {
    const from = topFolder(file);
    if (!from) continue;
    const edges = graph.get(from) ?? new Map<string, string>();
    graph.set(from, edges);
    // Type-only imports count too: they are a dependency between the folders' designs all the same.
    for (const ref of ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!ref.fileName.startsWith('.')) continue;
      const target = resolveRelative(file, ref.fileName);
      const to = target && topFolder(target);
      if (!to || to === from || edges.has(to)) continue;
      edges.set(to, `${path.relative(root, file)} imports '${ref.fileName}'`);
    }
  }
  return graph;
}

/** Strongly connected components with more than one folder (Tarjan), each sorted, for stable output. */
export function folderCycles(graph: ReadonlyMap<string, ReadonlyMap<string, string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
}

function main(): number {
  const root = path.resolve(__dirname, '..');
  const graph = folderGraph(root, sourceFiles(root));
  const cycles = folderCycles(graph);
  for (const cycle of cycles) {
    process.stderr.write(`folder cycle: ${cycle.join(', ')}\n`);
    const members = new Set(cycle);
    for (const from of cycle) {
      for (const [to, where] of graph.get(from) ?? []) {
        if (members.has(to)) process.stderr.write(`  ${from} → ${to}: ${where}\n`);
      }
    }
  }
  return cycles.length > 0 ? 1 : 0;
}

if (require.main === module) process.exitCode = main();
