// Wizard tables: the current configuration with sources, and the ranked mirror probe results.
import { mirrorVerdict, servesSumdb, type MirrorProbe } from '../core/init/rank.js';
import type { ConfigModel } from '../core/config-types.js';
import type { ProbeResult } from '../core/probe-types.js';
import { redactSecrets } from '../core/redact.js';
import type { Output } from './output.js';

const SOURCE: Record<string, string> = {
  env: 'environment',
  goenv: 'go env -w',
  goroot: '$GOROOT/go.env',
  default: 'default',
};

/** Variables the wizard shows and may write. */
const WIZARD_VARS = ['GOPROXY', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOSUMDB'];

/** Prints the current value and source of each module variable. */
export function renderCurrentConfig(out: Output, model: ConfigModel): void {
  out.line(`Go ${model.goVersion ?? '(not found)'}; GOENV file ${model.goenvPath ?? '(none)'}`);
  for (const name of WIZARD_VARS) {
    const v = model.vars[name];
    if (!v) continue;
    const shown = v.value === '' ? '(empty)' : redactSecrets(v.value);
    out.line(`  ${name.padEnd(10)} ${shown}  ${out.c.dim(`(${SOURCE[v.source] ?? v.source})`)}`);
  }
}

/**
 * Sentences for variables the OS environment shadows among those the wizard may write (go env -w only warns:
 * envcmd/env.go runEnvW).
 */
export function shadowWarnings(model: ConfigModel, names: string[], platform: NodeJS.Platform): string[] {
  const where =
    platform === 'win32'
      ? 'your Windows user environment (System Properties → Environment Variables)'
      : 'your shell profile (~/.profile, ~/.bashrc, ~/.zshrc)';
  return names
    .filter((n) => model.vars[n]?.source === 'env')
    .map(
      (n) =>
        `${n} is set in the process environment, which overrides go env -w; remove it from ${where} or the new value will have no effect.`,
    );
}

function ms(r: ProbeResult, key: 'dnsMs' | 'connectMs' | 'tlsMs' | 'ttfbMs'): string {
  const v = r.timings[key];
  return v === undefined ? '-' : `${Math.round(v)}`;
}

function statusText(p: MirrorProbe): string {
  const v = mirrorVerdict(p);
  if (v === 'ok') return 'ok';
  if (v === 'reachable') return `HTTP ${p.list.status}`;
  return `unreachable: ${p.list.cause ?? 'error'}`;
}

/** Prints the ranked mirror table: latency by phase (ms), protocol verdict, checksum-database proxying. */
export function renderMirrorTable(out: Output, ranked: MirrorProbe[], direct: ProbeResult | null): void {
  const w = Math.max(8, ...ranked.map((p) => p.mirror.id.length));
  out.line(
    `  ${'mirror'.padEnd(w)}  ${'dns'.padStart(5)} ${'conn'.padStart(5)} ${'tls'.padStart(5)} ${'ttfb'.padStart(5)}  ${'protocol'.padEnd(26)} sumdb`,
  );
  ranked.forEach((p) => {
    const l = p.list;
    const phases = [ms(l, 'dnsMs'), ms(l, 'connectMs'), ms(l, 'tlsMs'), ms(l, 'ttfbMs')]
      .map((s) => s.padStart(5))
      .join(' ');
    const status = statusText(p);
    const colour = status === 'ok' ? out.c.green : status.startsWith('HTTP') ? out.c.yellow : out.c.red;
    out.line(`  ${p.mirror.id.padEnd(w)}  ${phases}  ${colour(status.padEnd(26))} ${servesSumdb(p) ? 'yes' : 'no'}`);
  });
  if (direct) {
    out.line(
      `  ${'direct'.padEnd(w)}  ${direct.ok ? out.c.green('origin reachable over HTTPS') : out.c.red(`origin unreachable: ${direct.cause ?? 'error'}`)}`,
    );
  }
}
