/**
 * Set up for every test file (vitest.config.ts `setupFiles`): a test in which a fake received a request,
 * or served an answer, or the action was fed an event payload, that does not conform to GitHub's or
 * Netlify's published spec fails, with the violations listed. A test that provokes a violation on purpose
 * takes it with takeViolations() and asserts on it.
 */
import { afterAll, afterEach } from 'vitest';
import { formatViolations, takeViolations } from './lib/contract/violations.js';

function failOnViolations(): void {
  const violations = takeViolations();
  if (violations.length) throw new Error(formatViolations(violations));
}

afterEach(failOnViolations);
// Requests that arrive after a file's last test (or during beforeAll/afterAll) are reported here.
afterAll(failOnViolations);
