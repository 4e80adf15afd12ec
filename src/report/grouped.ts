// The shape doctor and check-proxy share: checks under a bold heading per group, then one summary line, in the
// user's language (the words of the summary are in the common catalogue).
import { formatDuration } from '../core/duration.js';
import type { Text } from '../core/i18n/message.js';
import { commonMsg } from '../core/i18n/messages/common.js';
import type { Output } from './output.js';

/** Prints items in order under a heading for each group (a new heading whenever the group changes). */
export function printGrouped<T extends { group: string }>(
  out: Output,
  items: T[],
  titles: Record<string, Text>,
  print: (item: T) => void,
): void {
  let group = '';
  for (const item of items) {
    if (item.group !== group) {
      group = item.group;
      out.line();
      out.line(out.c.bold(out.t(titles[group] ?? group)));
    }
    print(item);
  }
}

/** "3 ok, 1 warning, 2 failed in 1.2s" after a blank line; `first` is the count of passing checks in words. */
export function printSummaryLine(
  out: Output,
  first: Text,
  s: { warn: number; fail: number; skip: number },
  durationMs: number,
): void {
  const parts = [
    out.t(first),
    s.warn ? out.c.yellow(out.t(commonMsg('summary.warnings', { count: s.warn }))) : '',
    s.fail ? out.c.red(out.t(commonMsg('summary.failed', { count: s.fail }))) : '',
    s.skip ? out.t(commonMsg('summary.skipped', { count: s.skip })) : '',
  ];
  const list = parts.filter(Boolean).join(out.t(commonMsg('summary.separator')));
  out.line();
  out.line(out.t(commonMsg('summary.line', { parts: list, duration: formatDuration(durationMs) })));
}
