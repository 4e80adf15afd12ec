// The shape doctor and check-proxy share: checks under a bold heading per group, then one summary line.
import { formatDuration } from '../core/duration.js';
import type { Output } from './output.js';

/** Prints items in order under a heading for each group (a new heading whenever the group changes). */
export function printGrouped<T extends { group: string }>(
  out: Output,
  items: T[],
  titles: Record<string, string>,
  print: (item: T) => void,
): void {
  let group = '';
  for (const item of items) {
    if (item.group !== group) {
      group = item.group;
      out.line();
      out.line(out.c.bold(titles[group] ?? group));
    }
    print(item);
  }
}

/** "3 ok, 1 warning, 2 failed in 1.2s" after a blank line; `first` is the count of passing checks in words. */
export function printSummaryLine(
  out: Output,
  first: string,
  s: { warn: number; fail: number; skip: number },
  durationMs: number,
): void {
  const parts = [
    first,
    s.warn ? out.c.yellow(`${s.warn} warning${s.warn > 1 ? 's' : ''}`) : '',
    s.fail ? out.c.red(`${s.fail} failed`) : '',
    s.skip ? `${s.skip} skipped` : '',
  ];
  out.line();
  out.line(`${parts.filter(Boolean).join(', ')} in ${formatDuration(durationMs)}`);
}
