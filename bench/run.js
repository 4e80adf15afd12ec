// `npm run bench` (after `npm run build`): measures every item of issue #5 against a baseline measured in the same
// run and prints one table (or, with --json, one JSON document). Options: --json, --runs N (default 3),
// --only 1,3 (item numbers). Go: $GOMODCTL_TEST_GO or "go". Everything runs hermetically against 127.0.0.1.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, loadHelpers } from './lib/build-helpers.js';
import { printTable } from './lib/table.js';
import { benchStartup } from './cases/startup.js';
import { benchDoctor } from './cases/doctor.js';
import { benchTidy } from './cases/tidy.js';
import { benchStall } from './cases/stall.js';
import { benchProbe } from './cases/probe.js';
import { benchParser } from './cases/parser.js';
import { benchTlsCheck } from './cases/tls-check.js';
import { benchCheckProxy } from './cases/check-proxy.js';
import { benchVerdict } from './cases/verdict.js';
import { benchProgress } from './cases/progress.js';

const CASES = [
  [1, '1 start-up', benchStartup, false],
  [2, '2 doctor, silent endpoints', benchDoctor, false],
  [3, '3 tidy overhead', benchTidy, true],
  [4, '4 time to name the blocker', benchStall, true],
  [5, '5 probe vs curl', benchProbe, false],
  [6, '6 parser', benchParser, false],
  [7, '7 TLS ClientHello check', benchTlsCheck, false],
  [8, '8 check-proxy', benchCheckProxy, false],
  [9, '9 doctor verdict', benchVerdict, false],
  [10, '10 progress is bytes', benchProgress, true],
];

function parseArgs(argv) {
  const o = { json: false, runs: 3, only: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') o.json = true;
    else if (argv[i] === '--runs') o.runs = Math.max(1, Number(argv[++i]) || 3);
    else if (argv[i] === '--only') o.only = new Set(String(argv[++i]).split(',').map(Number));
    else throw new Error(`unknown option "${argv[i]}"; use --json, --runs N or --only 1,3`);
  }
  return o;
}

/** gomodctl tidy exists once src/cli/tidy.ts is no longer the placeholder. */
function tidyAvailable() {
  return !/not implemented yet/.test(readFileSync(join(ROOT, 'src', 'cli', 'tidy.ts'), 'utf8'));
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const bin = join(ROOT, 'bin', 'gomodctl.js');
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run npm run build first');
  const go = process.env.GOMODCTL_TEST_GO || 'go';
  const helpers = await loadHelpers();
  const goVersion = execFileSync(go, ['env', 'GOVERSION'], {
    env: helpers.makeHermeticGo().env,
    encoding: 'utf8',
    timeout: 15_000,
  }).trim();
  const temps = [];
  const hermetic = (extra = {}) => {
    const h = helpers.makeHermeticGo(extra);
    temps.push(h);
    return h;
  };
  const ctx = { helpers, hermetic, go, bin, runs: o.runs };
  const rows = [];
  const started = performance.now();
  for (const [n, item, fn, needsTidy] of CASES) {
    if (o.only && !o.only.has(n)) continue;
    if (!o.json) process.stderr.write(`bench: ${item}…\n`);
    if (needsTidy && !tidyAvailable()) {
      rows.push({ item, name: 'unavailable', note: 'gomodctl tidy is not implemented yet', met: null });
      continue;
    }
    try {
      rows.push(...(await fn(ctx)));
    } catch (err) {
      rows.push({ item, name: 'unavailable', note: String(err?.message ?? err).slice(0, 200), met: null });
    }
  }
  for (const h of temps) h.cleanup();
  const doc = {
    schemaVersion: 1,
    command: 'bench',
    go: goVersion,
    node: process.version,
    runs: o.runs,
    durationMs: Math.round(performance.now() - started),
    rows,
  };
  if (o.json) process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
  else printTable(doc);
}

main().catch((err) => {
  process.stderr.write(`bench: ${err?.stack ?? err}\n`);
  process.exitCode = 1;
});
