// Pure fix builders for tidy diagnoses: every fix is a real setting or command (never a variable Go lacks).
import { goEnvWriteCommand, shellQuote } from '../shell-quote.js';
import { setCommand } from '../set-command.js';
import { redactUrl } from '../redact.js';

/** The effective module settings the fixes are computed from (values as `go env` reports them). */
export interface TidyConfig {
  goproxy: string;
  goprivate: string;
  gonoproxy: string;
  gonosumdb: string;
  gosumdb: string;
  goVersion: string | null;
  /**
   * Variables set in the OS environment (ConfigVar.source === 'env'): `go env -w` does not override them
   * (go-semantics.md §5.4), so their fixes are `export` lines instead.
   */
  fromEnv?: string[];
}

/**
 * The command that sets NAME=value where Go will see it: `go env -w`, or `export` when the OS environment defines
 * NAME (a non-empty env value wins over the GOENV file; `go env -w` only warns, go-semantics.md §5.4).
 */
export function setVarCommand(cfg: TidyConfig, name: string, value: string, note?: string): string {
  return setCommand(name, value, cfg.fromEnv?.includes(name) ?? false, note);
}

/** First path element of a module path: the host a GOPRIVATE pattern should name. */
export function hostPattern(modulePath: string): string {
  return modulePath.split('/')[0] ?? modulePath;
}

function appendPattern(list: string, pattern: string): string {
  const parts = list.split(',').filter((p) => p !== '');
  return parts.includes(pattern) ? parts.join(',') : [...parts, pattern].join(',');
}

/** `go env -w GOPRIVATE=…,host` — keeps the module away from proxies and the checksum DB (go help private). */
export function goprivateFix(cfg: TidyConfig, modulePath: string): string {
  return setVarCommand(cfg, 'GOPRIVATE', appendPattern(cfg.goprivate, hostPattern(modulePath)));
}

/** `go env -w GONOSUMDB=…,host` — skip the checksum DB for this module only. */
export function gonosumdbFix(cfg: TidyConfig, modulePath: string): string {
  return setVarCommand(cfg, 'GONOSUMDB', appendPattern(cfg.gonosumdb, hostPattern(modulePath)));
}

/** GOPROXY split into entries and the separators between them (`a,b|c` → [a, ",", b, "|", c]). */
function splitGoproxy(v: string): string[] {
  return v.split(/([,|])/);
}

/** True when a GOPROXY entry's URL holds a password: a printed command would carry it redacted and break the config. */
function hasPassword(entry: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#@]*:[^/?#@]*@/.test(entry.trim());
}

const MIRROR = 'https://goproxy.cn|https://proxy.golang.org|direct';

/**
 * Makes a dead mirror fall through: `,` falls through only on 404/410, `|` on any error
 * (go-semantics.md §1.4; go help goproxy). Only helps when the proxy errors (DNS, refused, TLS, connect timeout).
 */
export function pipeFix(cfg: TidyConfig): string[] {
  const v = cfg.goproxy;
  const parts = splitGoproxy(v);
  const redacted = parts.map((p) => (p === ',' || p === '|' ? p : redactUrl(p))).join('');
  const secret = parts.some(hasPassword);
  if (v.includes(',')) {
    if (!secret) return [setVarCommand(cfg, 'GOPROXY', redacted.replace(/,/g, '|'))];
    // Never print a command holding a redacted password: copied, it would overwrite the real one. Say it in words.
    const after = parts.flatMap((p, i) => (parts[i + 1] === ',' ? [redactUrl(p.trim())] : []));
    return after.map((e) => `# in GOPROXY, replace the "," after ${e} with "|" so Go falls through on any error`);
  }
  if (!/(^|[,|])direct$/.test(v) && v !== 'off') {
    const mirror = setVarCommand(cfg, 'GOPROXY', MIRROR, 'or: a mirror you can reach');
    if (secret) return [`# in GOPROXY, append "|https://proxy.golang.org|direct" after ${redacted}`, mirror];
    return [setVarCommand(cfg, 'GOPROXY', `${redacted}|https://proxy.golang.org|direct`), mirror];
  }
  return [setVarCommand(cfg, 'GOPROXY', MIRROR)];
}

/**
 * A proxy that accepts the connection and never answers never errors, so neither `,` nor `|` moves on (Go has no
 * response timeout, go-semantics.md §7): the entry serving `url` must go. Prints the list without it.
 */
export function dropProxyFix(cfg: TidyConfig, url: string, entry: string | undefined): string[] {
  const parts = splitGoproxy(cfg.goproxy);
  const i = entry === undefined ? -1 : parts.findIndex((p, k) => k % 2 === 0 && p.trim() === entry);
  const why =
    '# "|" only helps when a proxy errors (DNS, refused, TLS, connect timeout); one that accepts and never answers never errors';
  const host = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#]+)/i.exec(url)?.[1] ?? 'the hanging proxy';
  const mirrors = ['https://proxy.golang.org', 'https://goproxy.cn'].filter((m) => !m.endsWith(`//${host}`));
  const mirror = `${mirrors.join('|')}|direct`;
  if (i < 0) {
    return [
      `# remove the GOPROXY entry that serves ${host}: it accepts connections and never answers`,
      setVarCommand(cfg, 'GOPROXY', mirror, 'or: a mirror you can reach'),
      why,
    ];
  }
  // Drop the entry with the separator after it (the last one: with the separator before it).
  const rest = (
    i + 1 < parts.length ? [...parts.slice(0, i), ...parts.slice(i + 2)] : parts.slice(0, Math.max(0, i - 1))
  ).join('');
  const shown = redactUrl(entry!);
  if (rest === '' || rest === 'off')
    return [
      setVarCommand(cfg, 'GOPROXY', mirror, `instead of ${shown}, which accepts connections and never answers`),
      why,
    ];
  const cmd = parts.some(hasPassword)
    ? `# remove ${shown} (and the separator after it) from GOPROXY: it accepts connections and never answers`
    : setVarCommand(cfg, 'GOPROXY', rest, `without ${shown}, which accepts connections and never answers`);
  return [cmd, setVarCommand(cfg, 'GOPROXY', mirror, 'or: a mirror you can reach'), why];
}

/** When the checksum DB is unreachable: its Google-run mirror, or skip it for private modules only (go-semantics.md §3.1). */
export function sumdbFix(cfg: TidyConfig, modulePath: string | undefined): string[] {
  const fixes = [setVarCommand(cfg, 'GOSUMDB', 'sum.golang.google.cn')];
  if (modulePath)
    fixes.push(`${goprivateFix(cfg, modulePath)}   # if ${modulePath} is private: it then skips the checksum database`);
  return fixes;
}

/** Trust a TLS-inspecting gateway's CA (Linux/BSD read SSL_CERT_FILE; macOS/Windows use the OS store until Go 1.27, §7). */
export function tlsFix(): string[] {
  return [
    'export SSL_CERT_FILE=/path/to/corporate-ca.pem   # Linux; on macOS/Windows add the CA to the system store',
    'gomodctl doctor   # names the issuer of the certificate that was presented',
  ];
}

/** Git credentials without prompts: rewrite the URL with a token, or use .netrc (go help private; go-semantics.md §8.2). */
export function gitAuthFix(cfg: TidyConfig, modulePath: string | undefined): string[] {
  const host = modulePath ? hostPattern(modulePath) : 'git.example.com';
  const out = [`git config --global url."https://oauth2:TOKEN@${host}/".insteadOf "https://${host}/"`];
  out.push(`# or add "machine ${host} login USER password TOKEN" to ~/.netrc (chmod 600)`);
  if (modulePath) out.push(goprivateFix(cfg, modulePath));
  return out;
}

/** Toolchain download problems: stay on the local Go, or reach a proxy that serves golang.org/toolchain (§6.1). */
export function toolchainFix(cfg: TidyConfig): string[] {
  return [
    setVarCommand(cfg, 'GOTOOLCHAIN', 'local', 'use the installed Go; lower the go line in go.mod if needed'),
    setVarCommand(
      cfg,
      'GOPROXY',
      'https://proxy.golang.org|https://goproxy.cn|direct',
      'or: a proxy that serves golang.org/toolchain',
    ),
  ];
}

/** A whole configuration that is wrong: the wizard and the doctor. */
export function configFix(): string[] {
  return ['gomodctl doctor', 'gomodctl init'];
}
