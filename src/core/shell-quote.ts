// Quoting for commands we print for users to copy (POSIX shells; PowerShell differs and is handled by export).

/** Quotes one argument for a POSIX shell only when needed: `a|b` → `'a|b'`. */
export function shellQuote(arg: string): string {
  if (arg !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Formats `go env -w K=V …` as one copyable command line. */
export function goEnvWriteCommand(pairs: Array<[string, string]>): string {
  return ['go env -w', ...pairs.map(([k, v]) => shellQuote(`${k}=${v}`))].join(' ');
}
