#!/usr/bin/env node
// Tiny launcher: everything lives in the compiled CLI. `--version` alone skips loading commander, and so does a
// well-formed `gomodctl tidy …`: cli/tidy-fast.ts, bundled into a few files (dist/fast, `npm run bundle`), because a
// warm `go mod tidy` takes ~50 ms and loading ~60 modules one by one cost more. A clone that was never built has no
// dist/: say what to run, exit 2.
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
  let code;
  // A build without the bundle (`tsc` alone) runs tidy through commander, like every other command.
  if (args[0] === 'tidy' && existsSync(new URL('../dist/fast/tidy-fast.js', import.meta.url))) {
    const { tidyFast } = await import('../dist/fast/tidy-fast.js');
    code = await tidyFast(process.argv).catch(internalError);
  }
  if (code !== undefined) process.exitCode = code;
  else if (process.exitCode !== 70) {
    const { main } = await import('../dist/cli/main.js');
    main(process.argv).then((c) => {
      process.exitCode = c;
    }, internalError);
  }
}
