import { describe, expect, it } from 'vitest';
import { importsOf } from './imports';

describe('importsOf', () => {
  it('finds every import form, with its line', () => {
    const src = [
      "import a from 'm1';",
      "import type { B } from 'm2';",
      "export { c } from 'm3';",
      "export * from 'm4';",
      "import 'm5';",
      "const d = await import('m6');",
      "const e = require('m7');",
      "type F = import('m8').F;",
      "import g = require('m9');",
      "const p = require.resolve('m10');",
      'const h = `import("not-a-module")`; // a string, not an import',
    ].join('\n');
    expect(importsOf(src)).toEqual(
      ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10'].map((specifier, i) => ({ specifier, line: i + 1 })),
    );
  });

  it('ignores imports inside comments and strings', () => {
    expect(importsOf("// import x from 'nope';\nconst s = \"import y from 'nope'\";\n/* export * from 'nope' */")).toEqual([]);
  });
});
