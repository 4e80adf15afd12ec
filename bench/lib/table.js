// Prints the bench rows as one plain-text table (no colours: it ends up in CI logs and issues).
import { round } from './measure.js';

const fmt = (v, unit) => {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  if (unit === 'lines/s') return `${Math.round(v).toLocaleString('en-US')}/s`;
  return `${round(v, unit === 'MB' ? 1 : 1)} ${unit}`;
};

function cells(r) {
  let vs = '—';
  if (r.ratio !== null && r.ratio !== undefined && Number.isFinite(r.ratio)) vs = `${round(r.ratio, 2)}×`;
  else if (r.diffMs !== undefined && Number.isFinite(r.diffMs))
    vs = `${r.diffMs >= 0 ? '+' : ''}${round(r.diffMs, 2)} ms`;
  const met = r.met === true ? 'met' : r.met === false ? 'NOT MET' : '';
  return [
    r.item ?? '',
    r.name ?? '',
    fmt(r.value, r.unit),
    r.baselineName ? `${fmt(r.baseline, r.unit)} (${r.baselineName})` : '',
    vs,
    r.goal ?? '',
    met,
    r.note ?? '',
  ];
}

/** Writes the table to stdout. */
export function printTable(doc) {
  const head = ['item', 'measure', 'value', 'baseline', 'vs', 'goal', '', 'note'];
  const rows = [head, ...doc.rows.map(cells)];
  const widths = head.map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) =>
    r
      .map((c, i) => String(c).padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const out = [
    `gomodctl bench — ${doc.go}, node ${doc.node}, median of ${doc.runs} run(s), ${round(doc.durationMs / 1000, 0)} s`,
    '',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.slice(1).map(line),
  ];
  process.stdout.write(out.join('\n') + '\n');
}
