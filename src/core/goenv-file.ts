// The GOENV file format, ported from golang/go src/cmd/go/internal/cfg/cfg.go readEnvFile
// (go-semantics.md §5.2): KEY=VALUE split at the first "=", value verbatim (no quotes, no trimming,
// a "\r" stays part of the value); lines whose first byte is not A–Z are ignored; last duplicate wins.

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
