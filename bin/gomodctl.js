#!/usr/bin/env node
// Tiny launcher (CommonJS, bin/package.json: Node's ES module loader costs ~6 ms before the first line runs).
// Everything lives in the compiled CLI. `--version` alone loads nothing, and a well-formed `gomodctl tidy …` skips
// commander: cli/tidy-fast.ts, bundled (`npm run bundle`) into a small CommonJS file that starts go
// (dist/fast/tidy-fast.cjs) and loads the rest while go runs (dist/fast/tidy-fast-run.cjs: runTidy, the report), both
// compiled from V8's code cache: a warm `go mod tidy` takes ~40 ms, and loading our modules one by one cost more. A
// clone that was never built has no dist/: say what to run, exit 2.
'use strict';
const { existsSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dist = join(__dirname, '..', 'dist');
if (!existsSync(join(dist, 'cli', 'main.js'))) {
  process.stderr.write('gomodctl: dist/ is missing (a clone that was not built): run `npm run build` first\n');
  process.exit(2);
}
const args = process.argv.slice(2);
const internalError = (err) => {
  process.stderr.write(`gomodctl: internal error: ${err?.message ?? err}\n`);
  process.exitCode = 70;
};

/**
 * Loads a CommonJS bundle compiled with V8's code cache kept beside it (`<file>.v8cache`): V8 rejects a cache made by
 * another V8, other flags or another source, and then the bundle compiles as usual and the cache is written anew once
 * the run is over (atomically; where dist/ is read-only, never). Node 22's module.enableCompileCache does this for
 * every module; Node 20 has no such thing. Code compiled by node:vm has no import() of its own (without an
 * experimental flag): the bundle's `import("pkg")` of the external packages (ora, execa: ES modules only) goes
 * through this file's import() instead, which resolves them from the same node_modules.
 */
function loadCached(file) {
  const vm = require('node:vm');
  const { createRequire } = require('node:module');
  const cacheFile = `${file}.v8cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const source = readFileSync(file, 'utf8').replaceAll('import("', '__import("');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __import) {${source}\n})`, {
    filename: file,
    cachedData,
  });
  const m = { exports: {} };
  const load = (specifier) => import(specifier);
  script.runInThisContext().call(m.exports, m.exports, createRequire(file), m, file, join(file, '..'), load);
  const save = () => {
    if (cachedData && !script.cachedDataRejected) return;
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, script.createCachedData()); // after the run: the functions it compiled are in the cache too
      renameSync(tmp, cacheFile);
    } catch {
      // read-only install: compiled each time
    }
  };
  return { exports: m.exports, save };
}

async function run() {
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    process.stdout.write(`${require('../package.json').version}\n`);
    return;
  }
  let code;
  // A build without the bundles (`tsc` alone) runs tidy through commander, like every other command. The first bundle
  // only starts go; the second (runTidy, the report) is loaded by it while go runs.
  const fast = join(dist, 'fast', 'tidy-fast.cjs');
  const rest = join(dist, 'fast', 'tidy-fast-run.cjs');
  if (args[0] === 'tidy' && existsSync(fast) && existsSync(rest)) {
    const start = loadCached(fast);
    let run;
    code = await start.exports.tidyFast(process.argv, () => {
      run = loadCached(rest);
      return run.exports;
    });
    start.save();
    run?.save();
  }
  if (code !== undefined) {
    process.exitCode = code;
    return;
  }
  const { main } = await import('../dist/cli/main.js');
  process.exitCode = await main(process.argv);
}

/**
 * Once the command is done, nothing may keep gomodctl up after its report: a probe or helper past its bound (a lookup
 * the OS resolver still holds, a socket still connecting, a child's pipe) would. Two seconds later the process exits
 * with the command's code, once what it wrote to stdout and stderr is flushed. The timer itself keeps nothing alive.
 */
function exitSoon() {
  setTimeout(() => {
    const pending = [process.stdout, process.stderr].filter((s) => s.writableLength > 0);
    if (pending.length === 0) process.exit();
    let left = pending.length;
    for (const s of pending)
      s.once('drain', () => {
        if (--left === 0) process.exit();
      });
  }, 2000).unref();
}

run().catch(internalError).finally(exitSoon);
