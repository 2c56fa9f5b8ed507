// Prints one plain closing line, "N passed, N failed", from the JSON reports the test
// runs leave in .tmp/, so CI can count tests whatever runner produced them.
import { existsSync, readFileSync } from 'node:fs';

const reports = ['.tmp/vitest-report.json', '.tmp/e2e-report.json'].filter((f) => existsSync(f));
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of reports) {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
if (reports.length === 0) {
  console.error('No test reports found in .tmp/: did npm test run?');
  process.exit(1);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
