// Durations like the subset of Go's time.ParseDuration users type ("500ms", "5s", "1m30s", "2m"): read, and formatted.

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A duration text read: its milliseconds, or why it is refused (cli/options.ts parseDuration says it). */
type DurationRead = { ms: number } | { refused: 'no-unit' | 'not-positive' | 'invalid'; value: string };

/**
 * Reads a positive duration ("5s", "250ms", "1m30s") in milliseconds. A bare number is refused, as Go's
 * time.ParseDuration refuses it ("missing unit in duration"): "5" could mean seconds or milliseconds. Zero is refused
 * too: every duration flag is a bound, and a bound of 0 would fail everything at once.
 */
export function readDuration(text: string): DurationRead {
  const s = text.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return { refused: Number(s) === 0 ? 'not-positive' : 'no-unit', value: s };
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    total += Number(m[1]) * (UNIT_MS[m[2]!] ?? 0);
    consumed = re.lastIndex;
  }
  if (s === '' || consumed !== s.length) return { refused: 'invalid', value: s };
  if (Math.round(total) < 1) return { refused: 'not-positive', value: s };
  return { ms: Math.round(total) };
}

/** Formats milliseconds for humans: "850ms", "4.2s", "2m05s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const m = Math.floor(ms / 60_000);
  const sec = Math.round((ms % 60_000) / 1000);
  return `${m}m${String(sec).padStart(2, '0')}s`;
}
