// Test helper: classifies a whole captured `go` output (fixtures) the way gomodctl streams it, line by line.
import { LineClassifier, type TidyEvent } from '../../src/core/tidy/classify.js';

/** One event per line of `text` (a trailing newline adds no empty line). */
export function classifyText(text: string): TidyEvent[] {
  const c = new LineClassifier();
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => c.push(l));
}
