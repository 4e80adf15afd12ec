// Parse durations like Go's time.ParseDuration subset users type: "500ms", "5s", "1m30s", "2m".
import { UsageError } from './errors.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parses a duration ("5s", "250ms", "1m30s"; a bare number means seconds) into milliseconds. */
export function parseDuration(text: string, flag = 'duration'): number {
  const s = text.trim();
  const bad = () =>
    new UsageError(`invalid ${flag} "${text}": expected a positive duration such as 500ms, 5s or 1m30s`);
  if (/^\d+(\.\d+)?$/.test(s)) {
    const ms = Math.round(Number(s) * 1000);
    if (ms <= 0) throw bad(); // "0" is no bound at all: refused like "0s"
    return ms;
  }
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    total += Number(m[1]) * (UNIT_MS[m[2]!] ?? 0);
    consumed = re.lastIndex;
  }
  if (s === '' || consumed !== s.length || Math.round(total) <= 0) throw bad();
  return Math.round(total);
}

/** Formats milliseconds for humans: "850ms", "4.2s", "2m05s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const m = Math.floor(ms / 60_000);
  const sec = Math.round((ms % 60_000) / 1000);
  return `${m}m${String(sec).padStart(2, '0')}s`;
}
