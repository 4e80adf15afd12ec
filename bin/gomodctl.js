#!/usr/bin/env node
// Tiny launcher: everything lives in the compiled CLI. `--version` alone skips loading commander (start-up matters
// for a tool that runs in every CI job).
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { VERSION } = await import('../dist/cli/version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  const { main } = await import('../dist/cli/main.js');
  main(process.argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`gomodctl: internal error: ${err?.message ?? err}\n`);
      process.exitCode = 70;
    },
  );
}
