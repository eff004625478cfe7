// What a source file imports, read with the TypeScript parser (not a regex): static imports and
// `import type`, `export … from`, `import x = require()`, dynamic `import()`, `require()`, and
// type-level `import('…').T`. The architecture tests build on this, so a new import form cannot slip by.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export interface ImportRef {
  specifier: string;
  line: number;
}

export function importsOf(source: string, fileName = 'file.ts'): ImportRef[] {
  const kind = fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, kind);
  const out: ImportRef[] = [];
  const add = (node: ts.Node | undefined) => {
    if (node && ts.isStringLiteralLike(node))
      out.push({ specifier: node.text, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      const isResolve =
        ts.isPropertyAccessExpression(callee) &&
        callee.name.text === 'resolve' &&
        ts.isIdentifier(callee.expression) &&
        callee.expression.text === 'require';
      if (isImport || isRequire || isResolve) add(node.arguments[0]);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The repository's root, found from any directory inside it. */
export function repoRoot(from: string): string {
  return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: from, encoding: 'utf8' }).trim();
}

/** Every TypeScript source in the repository, tracked or new (not ignored), as repo-relative paths. */
export function repoSources(root: string): string[] {
  const out = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '*.ts', '*.tsx', '*.mts', '*.cts'],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  // A tracked file deleted in the work tree is listed by --cached: only what exists counts.
  return [...new Set(out.split('\0'))].filter(
    (f) => f !== '' && !f.split('/').includes('node_modules') && !f.includes('/generated/') && existsSync(join(root, f)),
  );
}
