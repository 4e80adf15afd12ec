// Wizard tables: the current configuration with sources, and the ranked mirror probe results. Words come from the init
// catalogue; columns are aligned by display width (Chinese takes two columns: core/text-width.ts).
import { mirrorVerdict, servesSumdb, type MirrorProbe } from '../core/init/rank.js';
import type { ConfigModel } from '../core/config-types.js';
import type { Message, Text } from '../core/i18n/message.js';
import { initMsg } from '../core/i18n/messages/init.js';
import type { ProbeResult } from '../core/probe-types.js';
import { redactSecrets } from '../core/redact.js';
import { displayWidth, padEnd, wrapAfter } from '../core/text-width.js';
import type { Output } from './output.js';

const SOURCE: Record<string, Text> = {
  env: initMsg('source.env'),
  goenv: 'go env -w',
  goroot: '$GOROOT/go.env',
  default: initMsg('source.default'),
};

/** Variables the wizard shows and may write. */
const WIZARD_VARS = ['GOPROXY', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOSUMDB'];

/** Prints the current value and source of each module variable. */
export function renderCurrentConfig(out: Output, model: ConfigModel): void {
  const version = model.goVersion ?? initMsg('current.goNotFound');
  const goenv = model.goenvPath ?? initMsg('current.noGoenv');
  out.line(out.t(initMsg('current.heading', { version, goenv })));
  for (const name of WIZARD_VARS) {
    const v = model.vars[name];
    if (!v) continue;
    const shown = v.value === '' ? out.t(initMsg('current.empty')) : redactSecrets(v.value);
    const source = initMsg('current.source', { source: SOURCE[v.source] ?? v.source });
    out.line(`  ${name.padEnd(10)} ${shown}  ${out.c.dim(out.t(source))}`);
  }
}

/**
 * Sentences for variables the OS environment shadows among those the wizard may write (go env -w only warns:
 * envcmd/env.go runEnvW).
 */
export function shadowWarnings(model: ConfigModel, names: string[], platform: NodeJS.Platform): Message[] {
  const where = initMsg(platform === 'win32' ? 'shadow.whereWindows' : 'shadow.whereUnix');
  return names.filter((n) => model.vars[n]?.source === 'env').map((name) => initMsg('shadow.warning', { name, where }));
}

function ms(r: ProbeResult, key: 'dnsMs' | 'connectMs' | 'tlsMs' | 'ttfbMs'): string {
  const v = r.timings[key];
  return v === undefined ? '-' : `${Math.round(v)}`;
}

function statusText(p: MirrorProbe): Message {
  const v = mirrorVerdict(p);
  if (v === 'ok') return initMsg('table.ok');
  if (v === 'reachable') return initMsg('table.http', { status: String(p.list.status) });
  return initMsg('table.unreachable', { cause: p.list.cause ?? 'error' });
}

/** Prints the ranked mirror table: latency by phase (ms), protocol verdict, checksum-database proxying. */
export function renderMirrorTable(out: Output, ranked: MirrorProbe[], direct: ProbeResult | null): void {
  const mirror = out.t(initMsg('table.mirror'));
  const w = Math.max(8, displayWidth(mirror), ...ranked.map((p) => displayWidth(p.mirror.id)));
  const protocol = out.t(initMsg('table.protocol'));
  const statusWidth = Math.max(26, displayWidth(protocol));
  const phaseHead = ['dns', 'conn', 'tls', 'ttfb'].map((s) => s.padStart(5)).join(' ');
  out.line(`  ${padEnd(mirror, w)}  ${phaseHead}  ${padEnd(protocol, statusWidth)} sumdb`);
  for (const p of ranked) {
    const l = p.list;
    const phases = [ms(l, 'dnsMs'), ms(l, 'connectMs'), ms(l, 'tlsMs'), ms(l, 'ttfbMs')]
      .map((s) => s.padStart(5))
      .join(' ');
    const verdict = mirrorVerdict(p);
    const colour = verdict === 'ok' ? out.c.green : verdict === 'reachable' ? out.c.yellow : out.c.red;
    const status = padEnd(out.t(statusText(p)), statusWidth);
    const sumdb = out.t(initMsg(servesSumdb(p) ? 'table.yes' : 'table.no'));
    out.line(`  ${padEnd(p.mirror.id, w)}  ${phases}  ${colour(status)} ${sumdb}`);
  }
  if (direct) {
    const text = direct.ok
      ? out.t(initMsg('table.directOk'))
      : out.t(initMsg('table.directFail', { cause: direct.cause ?? 'error' }));
    const colour = direct.ok ? out.c.green : out.c.red;
    out.line(colour(wrapAfter(`  ${padEnd('direct', w)}  `, text, out.columns)));
  }
}
