// 5. The probe's phase timings (src/probes/http-probe.ts probeUrl, curl-style cumulative ms) against curl -w on the
// same loopback server, over HTTP and HTTPS with the test CA (goal: within ±2 ms per phase).
import { readFileSync } from 'node:fs';
import { importDist } from '../lib/build-helpers.js';
import { median, timeCommand } from '../lib/measure.js';

const PHASES = [
  ['dnsMs', 'time_namelookup', 'DNS'],
  ['connectMs', 'time_connect', 'connect'],
  ['tlsMs', 'time_appconnect', 'TLS'],
  ['ttfbMs', 'time_starttransfer', 'first byte'],
];

async function curlTimes(url, caFile) {
  const fmt = PHASES.map(([, w]) => `%{${w}}`).join(' ');
  const args = ['-s', '-o', '/dev/null', '--noproxy', '*', '-w', fmt, ...(caFile ? ['--cacert', caFile] : []), url];
  const r = await timeCommand('curl', args, { env: { PATH: process.env.PATH }, timeoutMs: 10_000 });
  if (r.code !== 0) throw new Error(`curl failed (exit ${r.code})`);
  return r.stdout
    .trim()
    .split(/\s+/)
    .map((s) => Number(s) * 1000);
}

/** One row per scheme and phase; samples alternate probe and curl after one warm-up each. */
export async function benchProbe(ctx) {
  const { probeUrl } = await importDist('probes/http-probe.js');
  const rows = [];
  for (const tls of [false, true]) {
    const p = await ctx.helpers.startFaultProxy(tls ? { tls: 'self-signed' } : {});
    try {
      const url = `${p.url}/example.com/hello/@v/list`;
      const ca = tls ? [readFileSync(p.caFile, 'utf8')] : undefined;
      const ours = PHASES.map(() => []);
      const theirs = PHASES.map(() => []);
      for (let i = 0; i <= ctx.runs * 5; i++) {
        const r = await probeUrl(url, { timeoutMs: 5000, env: {}, ca });
        if (!r.ok) throw new Error(`probe failed: ${r.message}`);
        const c = await curlTimes(url, p.caFile);
        if (i === 0) continue; // warm-up
        for (const [j, [k]] of PHASES.entries()) {
          ours[j].push(r.timings[k] ?? NaN);
          theirs[j].push(c[j]);
        }
      }
      PHASES.forEach(([, , label], j) => {
        if (!tls && label === 'TLS') return;
        if (label === 'DNS' && ours[j].every((x) => Number.isNaN(x))) {
          rows.push({
            item: '5 probe vs curl',
            name: `${tls ? 'https' : 'http'} DNS`,
            unit: 'ms',
            value: NaN,
            baseline: median(theirs[j]),
            baselineName: 'curl -w',
            ratio: null,
            goal: '±2 ms',
            met: null,
            note: 'IP literal: no lookup, none reported',
          });
          return;
        }
        const v = median(ours[j]);
        const b = median(theirs[j]);
        const diff = v - b;
        rows.push({
          item: '5 probe vs curl',
          name: `${tls ? 'https' : 'http'} ${label}`,
          unit: 'ms',
          value: v,
          baseline: b,
          baselineName: 'curl -w',
          ratio: null,
          diffMs: diff,
          goal: '±2 ms',
          met: Number.isNaN(v) ? null : Math.abs(diff) <= 2,
        });
      });
    } finally {
      await p.close();
    }
  }
  return rows;
}
