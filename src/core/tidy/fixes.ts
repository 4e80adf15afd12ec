// Pure fix builders for tidy diagnoses: every fix is a real setting or command (never a variable Go lacks).
import { goEnvWriteCommand } from '../shell-quote.js';
import { redactUrl } from '../redact.js';

/** The effective module settings the fixes are computed from (values as `go env` reports them). */
export interface TidyConfig {
  goproxy: string;
  goprivate: string;
  gonoproxy: string;
  gonosumdb: string;
  gosumdb: string;
  goVersion: string | null;
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
  return goEnvWriteCommand([['GOPRIVATE', appendPattern(cfg.goprivate, hostPattern(modulePath))]]);
}

/** `go env -w GONOSUMDB=…,host` — skip the checksum DB for this module only. */
export function gonosumdbFix(cfg: TidyConfig, modulePath: string): string {
  return goEnvWriteCommand([['GONOSUMDB', appendPattern(cfg.gonosumdb, hostPattern(modulePath))]]);
}

/**
 * Makes a dead mirror fall through: `,` falls through only on 404/410, `|` on any error
 * (go-semantics.md §1.4; go help goproxy).
 */
export function pipeFix(cfg: TidyConfig): string[] {
  const v = cfg.goproxy;
  const redacted = v.split(/([,|])/).map((p) => (p === ',' || p === '|' ? p : redactUrl(p))).join('');
  if (v.includes(',')) return [goEnvWriteCommand([['GOPROXY', redacted.replace(/,/g, '|')]])];
  if (!/(^|[,|])direct$/.test(v) && v !== 'off') {
    return [
      goEnvWriteCommand([['GOPROXY', `${redacted}|https://proxy.golang.org|direct`]]),
      `or a mirror you can reach, e.g. ${goEnvWriteCommand([['GOPROXY', 'https://goproxy.cn|https://proxy.golang.org|direct']])}`,
    ];
  }
  return [goEnvWriteCommand([['GOPROXY', 'https://goproxy.cn|https://proxy.golang.org|direct']])];
}

/** When the checksum DB is unreachable: its Google-run mirror, or skip it for private modules only (go-semantics.md §3.1). */
export function sumdbFix(cfg: TidyConfig, modulePath: string | undefined): string[] {
  const fixes = [goEnvWriteCommand([['GOSUMDB', 'sum.golang.google.cn']])];
  if (modulePath) fixes.push(`if ${modulePath} is private: ${gonosumdbFix(cfg, modulePath)} (or ${goprivateFix(cfg, modulePath)})`);
  return fixes;
}

/** Trust a TLS-inspecting gateway's CA (Linux/BSD read SSL_CERT_FILE; macOS/Windows use the OS store until Go 1.27, §7). */
export function tlsFix(): string[] {
  return [
    'export SSL_CERT_FILE=/path/to/corporate-ca.pem   (Linux; on macOS/Windows add the CA to the system store)',
    'gomodctl doctor   (names the issuer of the certificate that was presented)',
  ];
}

/** Git credentials without prompts: rewrite the URL with a token, or use .netrc (go help private; go-semantics.md §8.2). */
export function gitAuthFix(cfg: TidyConfig, modulePath: string | undefined): string[] {
  const host = modulePath ? hostPattern(modulePath) : 'git.example.com';
  const out = [`git config --global url."https://oauth2:TOKEN@${host}/".insteadOf "https://${host}/"`];
  out.push(`or add "machine ${host} login USER password TOKEN" to ~/.netrc`);
  if (modulePath) out.push(goprivateFix(cfg, modulePath));
  return out;
}

/** Toolchain download problems: stay on the local Go, or reach a proxy that serves golang.org/toolchain (§6.1). */
export function toolchainFix(): string[] {
  return [
    goEnvWriteCommand([['GOTOOLCHAIN', 'local']]) + '   (use the installed Go; lower the go line in go.mod if needed)',
    `or a proxy that serves golang.org/toolchain: ${goEnvWriteCommand([['GOPROXY', 'https://proxy.golang.org|https://goproxy.cn|direct']])}`,
  ];
}

/** A whole configuration that is wrong: the wizard and the doctor. */
export function configFix(): string[] {
  return ['gomodctl doctor', 'gomodctl init'];
}
