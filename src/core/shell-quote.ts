// Quoting for what we print for users to copy: POSIX shells and PowerShell (fix lines, plans, --export snippets).

/** Quotes one argument for a POSIX shell only when needed: `a|b` → `'a|b'`. */
export function shellQuote(arg: string): string {
  if (arg !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return shellQuoteAlways(arg);
}

/** POSIX single quotes, always: nothing inside is special except the quote itself. */
export function shellQuoteAlways(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** A PowerShell single-quoted string: a quote inside is doubled. */
export function powershellQuote(arg: string): string {
  return `'${arg.replace(/'/g, "''")}'`;
}

/** Formats `go env -w K=V …` as one copyable command line. */
export function goEnvWriteCommand(pairs: Array<[string, string]>): string {
  return ['go env -w', ...pairs.map(([k, v]) => shellQuote(`${k}=${v}`))].join(' ');
}
