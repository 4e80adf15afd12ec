// Pure: fit findings into what GitHub Actions shows. Past its limits GitHub drops annotations silently and drops an
// oversized step summary whole, so problems are packed: the first ones per level as annotations, one notice pointing
// to the rest, and the rest in the step summary, itself kept under the size limit.

import type { Text } from './i18n/message.js';
import { tidyMsg } from './i18n/messages/tidy.js';

/** GitHub's limits per step (and per job for annotations). */
export const GITHUB_LIMITS = {
  // actions/toolkit docs/problem-matchers.md "Limitations": 10 warning, 10 error and 10 notice annotations per step,
  // 50 per job (the runner records more, the UI shows only these).
  annotationsPerLevel: 10,
  annotationsPerJob: 50,
  // actions/runner src/Runner.Worker/ExecutionContext.cs AddIssue: `_maxIssueMessageLength = 4096`; longer messages
  // are cut (C# string length: UTF-16 code units, as a JS string's length).
  messageChars: 4096,
  // docs.github.com "Adding a job summary": each step's summary is limited to 1 MiB; the runner rejects a larger
  // file whole ("$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of 1024k").
  stepSummaryBytes: 1024 * 1024,
} as const;

/** Annotation levels of workflow commands (::error, ::warning, ::notice). */
export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** A finding to show: its level, title and message, and the item it came from. */
export interface AnnotationInput<T> {
  level: AnnotationLevel;
  title: string;
  message: string;
  item: T;
}

/** An annotation to print; `item` is undefined for the notice that points to the summary (its words: a Message). */
interface PackedAnnotation<T> {
  level: AnnotationLevel;
  title: Text;
  message: Text;
  /** The message was cut to the runner's limit (the full text is in the summary). */
  truncated: boolean;
  item?: T;
}

/** Annotations within the limits, and what goes to the step summary instead. */
interface PackedAnnotations<T> {
  annotations: PackedAnnotation<T>[];
  /** Items not shown as annotations, in input order. */
  overflow: T[];
}

/** Options: the limits (defaults GITHUB_LIMITS) and annotations other steps of the job already made. */
interface PackOptions {
  perLevel?: number;
  perJob?: number;
  usedInJob?: number;
  messageChars?: number;
}

/** Cuts `s` to at most `max` UTF-16 units, never in the middle of a surrogate pair, ending with "…" when cut. */
export function truncateChars(s: string, max: number): { text: string; truncated: boolean } {
  if (s.length <= max) return { text: s, truncated: false };
  let end = Math.max(0, max - 1);
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end -= 1; // a high surrogate would be left alone
  return { text: `${s.slice(0, end)}…`, truncated: true };
}

/**
 * Packs findings (most important first) into annotations: at most `perLevel` per level and `perJob` in all; when
 * some do not fit, the last slot goes to one notice saying how many more are in the step summary.
 */
export function packAnnotations<T>(items: AnnotationInput<T>[], opts: PackOptions = {}): PackedAnnotations<T> {
  const perLevel = opts.perLevel ?? GITHUB_LIMITS.annotationsPerLevel;
  const maxChars = opts.messageChars ?? GITHUB_LIMITS.messageChars;
  const budget = Math.max(0, (opts.perJob ?? GITHUB_LIMITS.annotationsPerJob) - (opts.usedInJob ?? 0));
  const fits = (shown: number, used: Record<AnnotationLevel, number>, x: AnnotationInput<T>, reserve: number) =>
    used[x.level] < perLevel - (x.level === 'notice' ? reserve : 0) && shown < budget - reserve;
  const place = (reserve: number) => {
    const used: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
    const shown: AnnotationInput<T>[] = [];
    const overflow: T[] = [];
    for (const x of items) {
      if (fits(shown.length, used, x, reserve)) {
        used[x.level] += 1;
        shown.push(x);
      } else overflow.push(x.item);
    }
    return { shown, overflow };
  };
  let { shown, overflow } = place(0);
  // Something is left out: keep one slot (notice level, one of the job's) for the pointer, and place again.
  if (overflow.length > 0 && budget > 0) ({ shown, overflow } = place(1));
  const annotations: PackedAnnotation<T>[] = shown.map((x) => {
    const { text, truncated } = truncateChars(x.message, maxChars);
    return { level: x.level, title: x.title, message: text, truncated, item: x.item };
  });
  if (overflow.length > 0 && budget > 0) {
    const n = overflow.length;
    annotations.push({
      level: 'notice',
      title: tidyMsg('ci.moreTitle', { count: n }),
      message: tidyMsg('ci.moreMessage', { perLevel, count: n }),
      truncated: false,
    });
  }
  return { annotations, overflow };
}

/** UTF-8 length of a string (what the summary file's size counts), without encoding it. */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4; // a surrogate pair: one code point of 4 bytes
      i += 1;
    } else n += 3;
  }
  return n;
}

/** A step summary to fit: a head, one line per row, and a tail told how many rows were left out (0: none). */
interface SummaryParts {
  head: string;
  rows: string[];
  tail(omitted: number): string;
}

/**
 * The step summary text: the head, as many rows as fit, and the tail, within the bytes left (the limit minus
 * `usedBytes`, what the step's summary file already holds), so GitHub never drops it whole. Returns the text and how
 * many rows were left out; an empty text when not even head and tail fit.
 */
export function fitStepSummary(
  { head, rows, tail }: SummaryParts,
  opts: { usedBytes?: number; limitBytes?: number } = {},
): { text: string; omitted: number } {
  const budget = (opts.limitBytes ?? GITHUB_LIMITS.stepSummaryBytes) - (opts.usedBytes ?? 0);
  const prefix = [0]; // bytes of the first k rows, each with its newline
  for (const r of rows) prefix.push(prefix[prefix.length - 1]! + utf8Bytes(r) + 1);
  const headBytes = utf8Bytes(head);
  const size = (k: number): number => headBytes + prefix[k]! + utf8Bytes(tail(rows.length - k));
  let k = rows.length;
  while (k > 0 && size(k) > budget) k -= 1;
  if (size(k) > budget) return { text: '', omitted: rows.length }; // not even the head fits
  const body = rows
    .slice(0, k)
    .map((r) => `${r}\n`)
    .join('');
  return { text: `${head}${body}${tail(rows.length - k)}`, omitted: rows.length - k };
}
