// The GOENV file format, ported from golang/go src/cmd/go/internal/cfg/cfg.go readEnvFile
// (docs/go-rules.md#where-a-setting-comes-from): KEY=VALUE split at the first "=", value verbatim (no quotes, no
// trimming, a "\r" stays part of the value); lines whose first byte is not A–Z are ignored; last duplicate wins.

/** One planned change to the GOENV file: `go env -w NAME=VALUE` or `go env -u NAME` (init/restore). */
export type EnvFileOp = { op: 'set'; name: string; value: string } | { op: 'unset'; name: string };

/** One variable in an init/restore plan: its GOENV-file value before and after (null = absent/unset). */
export interface EnvFileChange {
  name: string;
  /** Value in the GOENV file before the change; null when the variable is not in the file. */
  before: string | null;
  /** Value in the GOENV file after the change; null when it will be removed (`go env -u`). */
  after: string | null;
  /** Effective value before the change, as `go` sees it (may come from the OS environment). */
  effectiveBefore: string;
  /** Non-empty OS environment value that shadows the GOENV file (go env -w only warns then: envcmd/env.go runEnvW). */
  shadowedBy?: string;
}

/** Parses a GOENV (or $GOROOT/go.env) file into its variables, exactly as Go reads it. */
export function parseGoenvFile(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    const first = line.charCodeAt(0);
    if (eq < 0 || !(first >= 0x41 && first <= 0x5a)) continue;
    vars.set(line.slice(0, eq), line.slice(eq + 1));
  }
  return vars;
}
