// init's plan: flags or wizard answers + config model → validated list of `go env -w/-u` operations, old → new.
import { UsageError } from '../errors.js';
import { validateGoproxyForWrite } from '../goproxy.js';
import { validateGosumdbForWrite } from '../gosumdb.js';
import type { Fix } from '../fix/fix.js';
import type { ConfigModel, ConfigVar } from '../config-types.js';
import type { EnvFileChange, EnvFileOp } from '../goenv-file.js';
import { getPreset } from './presets.js';
import { validatePatternsForWrite } from './validate-patterns.js';
import { redactSecrets } from '../redact.js';
import { code, type Message, type Text } from '../i18n/message.js';
import { initMsg } from '../i18n/messages/init.js';

/** What the user asked for (flags or wizard answers); undefined = leave that variable alone. */
export interface InitRequest {
  proxy?: string;
  /** GOPRIVATE; "" removes it from the GOENV file. */
  private?: string;
  sumdb?: string;
  /** Drop a trailing `direct` from a preset's GOPROXY. */
  noDirect?: boolean;
  preset?: string;
  allowCredentials?: boolean;
}

/** The computed change: operations for one `go env -w` and one `go env -u` call, old → new per variable. */
export interface InitPlan {
  ops: EnvFileOp[];
  changes: EnvFileChange[];
  /** Variables asked for whose GOENV value already equals the request. */
  unchanged: string[];
  /** Sentences for the user (English in JSON documents). */
  warnings: Text[];
}

/** Removes a final `direct` entry (and its separator) from a GOPROXY list. */
export function stripDirect(proxy: string): string {
  return proxy.replace(/\s*[,|]\s*direct\s*$/, '');
}

/** The .netrc line for the host that carried credentials in the value (never the password itself). */
function netrcHint(value: string | undefined): Message {
  const host = /[a-z][a-z0-9+.-]*:\/\/[^/@\s,|]*@([^/\s,|?#]+)/i.exec(value ?? '')?.[1] ?? 'proxy.example.com';
  const bare = host.replace(/:\d+$/, '');
  // With a port, Go 1.21+ matches "machine host:port" and Go 1.19 "machine host": write both (core/netrc.ts
  // findNetrcEntry).
  const line = (h: string) => code(`"machine ${h} login USER password TOKEN"`);
  const lines = bare === host ? line(host) : initMsg('plan.netrcTwoLines', { first: line(host), second: line(bare) });
  return initMsg('plan.netrcHint', { lines });
}

/**
 * Runs a validator; its UsageError message is redacted (passwords in URLs) and credential refusals get the .netrc hint.
 */
function redacted(check: () => void, value?: string): void {
  try {
    check();
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    const credentials = /credential|password|userinfo/i.test(e.message);
    const hint = e.hint ?? (credentials ? netrcHint(value) : undefined);
    // Verbatim text is redacted here; a Message is redacted where it is printed (cli/main.ts, printDocument).
    const safe = (t: Text): Text => (typeof t === 'string' ? redactSecrets(t) : t);
    throw new UsageError(safe(e.text), hint === undefined ? undefined : safe(hint));
  }
}

/** Applies preset, then flags, then --no-direct; returns the validated values to write (null = unset) and warnings. */
export function resolveInitValues(req: InitRequest): { values: Record<string, string | null>; warnings: Text[] } {
  const warnings: Text[] = [];
  const preset = req.preset !== undefined ? getPreset(req.preset) : undefined;
  const out: Record<string, string | null> = {};
  let proxy = req.proxy ?? preset?.proxy;
  if (proxy !== undefined && req.noDirect) {
    if (req.proxy !== undefined && /(^|[,|])\s*direct\s*$/.test(req.proxy)) {
      const example = code('--proxy https://goproxy.cn --no-direct');
      throw new UsageError(initMsg('plan.directConflict', { proxy: req.proxy, example }));
    }
    proxy = stripDirect(proxy);
    if (proxy === 'direct')
      throw new UsageError(initMsg('plan.noProxyLeft', { example: code('--preset china --no-direct') }));
  }
  const sumdb = req.sumdb ?? preset?.sumdb;
  if (proxy !== undefined) {
    const p = proxy;
    redacted(() => validateGoproxyForWrite(p, { allowCredentials: req.allowCredentials ?? false }), p);
    out.GOPROXY = proxy;
  }
  if (req.private !== undefined) {
    if (req.private !== '') warnings.push(...validatePatternsForWrite('GOPRIVATE', req.private));
    out.GOPRIVATE = req.private === '' ? null : req.private;
  }
  if (sumdb !== undefined) {
    redacted(() => validateGosumdbForWrite(sumdb));
    out.GOSUMDB = sumdb;
  }
  if (Object.keys(out).length === 0) {
    throw new UsageError(initMsg('plan.nothingToWrite'));
  }
  return { values: out, warnings };
}

/** The GOENV-file value of a variable in the model (null = not in the file). */
function goenvFileValue(v: ConfigVar | undefined): string | null {
  if (!v?.inGoenvFile) return null;
  return v.source === 'goenv' ? v.value : (v.shadowedGoenvValue ?? '');
}

/** Diffs wanted GOENV values against the model: one op per variable that actually changes. */
export function planEnvOps(model: ConfigModel, wanted: Record<string, string | null>): InitPlan {
  const plan: InitPlan = { ops: [], changes: [], unchanged: [], warnings: [] };
  for (const [name, after] of Object.entries(wanted)) {
    const v = model.vars[name];
    const before = goenvFileValue(v);
    if (before === after) {
      plan.unchanged.push(name);
      continue;
    }
    plan.ops.push(after === null ? { op: 'unset', name } : { op: 'set', name, value: after });
    const change: EnvFileChange = { name, before, after, effectiveBefore: v?.value ?? '' };
    if (v?.source === 'env') change.shadowedBy = v.value;
    plan.changes.push(change);
  }
  plan.warnings.push(...planWarnings(model, wanted));
  return plan;
}

function planWarnings(model: ConfigModel, wanted: Record<string, string | null>): Message[] {
  const w: Message[] = [];
  for (const name of Object.keys(wanted)) {
    const v = model.vars[name];
    if (v?.source === 'env') {
      w.push(initMsg('plan.envShadows', { name, setting: `${name}=${v.value}` }));
    }
  }
  if (wanted.GOPRIVATE !== undefined) {
    for (const dep of ['GONOPROXY', 'GONOSUMDB']) {
      const v = model.vars[dep];
      if (v && v.value !== '' && (v.source === 'env' || v.source === 'goenv')) {
        const where = initMsg(v.source === 'env' ? 'plan.whereEnv' : 'plan.whereGoenv');
        const key = dep === 'GONOPROXY' ? 'plan.dependentProxy' : 'plan.dependentSumdb';
        w.push(initMsg(key, { setting: `${dep}=${v.value}`, where }));
      }
    }
  }
  if (wanted.GOSUMDB === 'off') {
    w.push(initMsg('plan.sumdbOff'));
  }
  return w;
}

/** Builds the full plan for `gomodctl init` from flags. Throws UsageError before anything is written. */
export function buildInitPlan(model: ConfigModel, req: InitRequest): InitPlan {
  const { values, warnings } = resolveInitValues(req);
  const plan = planEnvOps(model, values);
  plan.warnings.unshift(...warnings);
  return plan;
}

/** The plan's operations as fixes in the GOENV file (report/fix-render.ts renderPlanCommands prints the commands). */
export function planFixes(ops: EnvFileOp[]): Fix[] {
  return ops.map(
    (o): Fix =>
      o.op === 'set'
        ? { kind: 'set', variable: o.name, value: o.value, scope: 'goenv' }
        : { kind: 'unset', variable: o.name, scope: 'goenv' },
  );
}
