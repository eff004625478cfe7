import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

// Test helper: the web app's own sources, parsed with the TypeScript compiler (not regexes), for
// the i18n guards. Tests themselves are left out: what they mention is not what the app shows.
export const SRC = join(import.meta.dirname, '..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return walk(p);
    return /\.tsx?$/.test(p) && !/\.test\.tsx?$/.test(p) && !p.endsWith('.d.ts') ? [p] : [];
  });
}

export type Source = { path: string; file: ts.SourceFile };

export function sources(ext: '.ts' | '.tsx' | 'all' = 'all'): Source[] {
  return walk(SRC)
    .filter((p) => ext === 'all' || p.endsWith(ext))
    .map((p) => ({
      path: relative(SRC, p),
      file: ts.createSourceFile(
        p,
        readFileSync(p, 'utf8'),
        ts.ScriptTarget.Latest,
        true,
        p.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
      ),
    }));
}

export function visit(node: ts.Node, fn: (n: ts.Node) => void) {
  fn(node);
  node.forEachChild((c) => visit(c, fn));
}

export function where(src: Source, node: ts.Node): string {
  const { line } = src.file.getLineAndCharacterOfPosition(node.getStart(src.file));
  return `${src.path}:${line + 1}`;
}
