// Runs this same gomodctl CLI as a child (the wizard's "run doctor now?"), on the same terminal, bounded.
// execa is loaded where it runs: it is ESM only, and in the CommonJS bundle of `gomodctl tidy` (bin/gomodctl.js) a
// static import would become a require().

/** Runs `gomodctl doctor` with the current Node and script, inheriting the terminal; bounded to 2 minutes. */
export async function spawnDoctor(env: NodeJS.ProcessEnv, cwd: string): Promise<number> {
  const script = process.argv[1];
  if (!script) return 1;
  const { execa } = await import('execa');
  const r = await execa(process.execPath, [script, 'doctor'], {
    env,
    cwd,
    stdio: 'inherit',
    timeout: 120_000,
    reject: false,
  });
  return r.exitCode ?? 1;
}
