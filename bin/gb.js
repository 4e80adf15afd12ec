#!/usr/bin/env node
// Tiny launcher: everything lives in the compiled CLI. `--version` alone skips loading commander, and so does a
// well-formed `gomodctl tidy …` (cli/tidy-fast.ts: start-up matters for a tool that runs in every CI job). A clone
// that was never built has no dist/: say what to run, exit 2.
import { existsSync } from 'node:fs';

if (!existsSync(new URL('../dist/cli/main.js', import.meta.url))) {
  process.stderr.write('gomodctl: dist/ is missing (a clone that was not built): run `npm run build` first\n');
  process.exit(2);
}
const args = process.argv.slice(2);
const internalError = (err) => {
  process.stderr.write(`gomodctl: internal error: ${err?.message ?? err}\n`);
  process.exitCode = 70;
};
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { VERSION } = await import('../dist/cli/version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  const fast = args[0] === 'tidy' ? await import('../dist/bundle/tidy-fast.js') : undefined;
  const code = fast ? await fast.tidyFast(process.argv).catch(internalError) : undefined;
  if (code !== undefined) process.exitCode = code;
  else if (process.exitCode !== 70) {
    const { main } = await import('../dist/cli/main.js');
    main(process.argv).then((c) => {
      process.exitCode = c;
    }, internalError);
  }
}
