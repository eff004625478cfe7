import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { sources, visit, where, type Source } from './source-files';

/**
 * Guard: no component renders a literal sentence a person reads. Text must come from the
 * catalogues (t(), <Trans>), so every language gets it. Flagged: JSX text with letters, and string
 * or template literals with letters that end up rendered (JSX children, user-facing attributes,
 * toast and confirm messages), unless they are inside a t() call.
 */
const USER_FACING_ATTRIBUTES = new Set([
  'title',
  'placeholder',
  'aria-label',
  'alt',
  'label',
  'emptyLabel',
  'hint',
  'description',
  'subtitle',
  'confirmLabel',
  'aria-description',
]);
const MESSAGE_CALLS = /^(toast\.(info|error)|window\.confirm|confirm|window\.alert|alert)$/;

/** Literals that are examples of code or data, the same in every language. */
const ALLOWED = new Set(['sk-…', '{ "topic": "…" }', '{ "key": "value" }', '{ "topic": "today" }', '["…"]']);

const hasLetters = (s: string) => /\p{L}/u.test(s);

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('');
  return undefined;
}

/** The literals an expression would render as they are: itself, either branch of ?:, the right side of &&, ||, ??. */
function renderedLiterals(expr: ts.Expression | undefined): ts.Node[] {
  if (!expr) return [];
  if (ts.isParenthesizedExpression(expr)) return renderedLiterals(expr.expression);
  if (ts.isConditionalExpression(expr)) return [...renderedLiterals(expr.whenTrue), ...renderedLiterals(expr.whenFalse)];
  if (
    ts.isBinaryExpression(expr) &&
    [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(
      expr.operatorToken.kind,
    )
  )
    return [
      ...(expr.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken ? [] : renderedLiterals(expr.left)),
      ...renderedLiterals(expr.right),
    ];
  return literalText(expr) !== undefined ? [expr] : [];
}

export function findLiterals(src: Source): string[] {
  const found: string[] = [];
  const flag = (node: ts.Node, text: string) => {
    if (hasLetters(text) && !ALLOWED.has(text.trim())) found.push(`${where(src, node)} ${JSON.stringify(text.trim())}`);
  };
  visit(src.file, (node) => {
    if (ts.isJsxText(node)) flag(node, node.text);
    else if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)))
      for (const lit of renderedLiterals(node.expression)) flag(lit, literalText(lit)!);
    else if (ts.isJsxAttribute(node) && USER_FACING_ATTRIBUTES.has(node.name.getText(src.file)) && node.initializer) {
      const init = node.initializer;
      const lits = ts.isStringLiteral(init) ? [init] : ts.isJsxExpression(init) ? renderedLiterals(init.expression) : [];
      for (const lit of lits) flag(lit, literalText(lit)!);
    } else if (ts.isCallExpression(node) && MESSAGE_CALLS.test(node.expression.getText(src.file)))
      for (const arg of node.arguments.slice(0, 1)) for (const lit of renderedLiterals(arg)) flag(lit, literalText(lit)!);
  });
  return found;
}

describe('no hard-coded user-facing text', () => {
  const files = sources();

  it('parses the app', () => {
    expect(files.filter((f) => f.path.endsWith('.tsx')).length).toBeGreaterThan(40);
  });

  it('renders no literal text outside the catalogues', () => {
    expect(files.flatMap(findLiterals)).toEqual([]);
  });

  it('would catch the usual mistakes', () => {
    const probe = ts.createSourceFile(
      'probe.tsx',
      `const a = <p title="Save it">Hello {x ? 'Yes' : t('common:x')}</p>;
       const b = <input placeholder={\`Search \${q}\`} aria-label={t('k')} className="input" />;
       toast.error(\`Not saved: \${e}\`); toast.info(t('k'));`,
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.TSX,
    );
    const hits = findLiterals({ path: 'probe.tsx', file: probe });
    expect(hits.map((h) => h.split(' ').slice(1).join(' '))).toEqual(['"Save it"', '"Hello"', '"Yes"', '"Search"', '"Not saved:"']);
  });
});
