// The GOENV file as key → value, read the way cmd/go reads it (go-semantics.md §5.2, cfg.go readEnvFile).

/** Parses GOENV file text: `KEY=VALUE` lines whose first byte is A–Z; value verbatim; last duplicate wins. */
export function parseGoenvEntries(text: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (text === null) return out;
  for (const line of text.split('\n')) {
    if (line === '' || line[0]! < 'A' || line[0]! > 'Z') continue;
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}
