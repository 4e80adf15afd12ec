#!/usr/bin/env node
// Tiny launcher: everything lives in the compiled CLI.
import { main } from '../dist/cli/main.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`gomodctl: internal error: ${err?.message ?? err}\n`);
    process.exitCode = 70;
  },
);
