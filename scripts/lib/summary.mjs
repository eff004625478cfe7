// Sums the Vitest JSON reports of every package into one closing line: "N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';

const files = execSync('git ls-files "*package.json"', { encoding: 'utf8' })
  .split('\n')
  .filter(Boolean)
  .map((p) => p.replace(/package\.json$/, '.vitest-report.json'))
  .filter((p) => existsSync(p));
let passed = 0;
let failed = 0;
let skipped = 0;
for (const f of files) {
  const r = JSON.parse(readFileSync(f, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
