// Runs the init wizard: gathers go.mod, git remotes and mirror probes, asks, writes .netrc, then applies the plan.
import { chmod } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { execa } from 'execa';
import { buildInitPlan } from '../core/init/plan.js';
import { canaryUrl, DIRECT_PROBE_URL, selectCatalog, sumdbSupportedUrl, type Mirror } from '../core/init/mirrors.js';
import { appendNetrc, netrcEntryText } from '../core/init/netrc-entry.js';
import type { MirrorProbe } from '../core/init/rank.js';
import type { ProbeResult } from '../core/types.js';
import { runWizardFlow, type WizardAnswers, type WizardPrompts } from '../report/init-wizard.js';
import { probeUrl } from '../probes/http-probe.js';
import { loadGoTrustedCAs } from '../probes/ca-certs.js';
import { readNetrc } from '../probes/netrc-file.js';
import { getNetrcPath } from '../probes/netrc-file.js';
import { writeFileAtomic } from './backup-store.js';
import { executePlan, loadForWrite, type InitOptions, type RunContext } from './init-run.js';
import { readTextOrNull } from './load-config.js';

/** Bound for each wizard probe request (they all run at once). */
const PROBE_TIMEOUT_MS = 4000;

/** Runs `gomodctl doctor` as a child of this same CLI, on the same terminal, bounded to 2 minutes. */
export async function spawnDoctor(env: NodeJS.ProcessEnv, cwd: string): Promise<number> {
  const script = process.argv[1];
  if (!script) return 1;
  const r = await execa(process.execPath, [script, 'doctor'], {
    env,
    cwd,
    stdio: 'inherit',
    timeout: 120_000,
    reject: false,
  });
  return r.exitCode ?? 1;
}

/** Unique fetch URLs of the repository's git remotes; [] outside a repository or without git (bounded: 3 s). */
export async function getGitRemoteUrls(cwd: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  try {
    const r = await execa('git', ['remote', '-v'], {
      cwd,
      env,
      extendEnv: false,
      timeout: 3000,
      reject: false,
      stdin: 'ignore',
    });
    if (r.exitCode !== 0) return [];
    const urls = String(r.stdout)
      .split('\n')
      .map((l) => l.split(/\s+/)[1])
      .filter((u): u is string => Boolean(u));
    return [...new Set(urls)];
  } catch {
    return [];
  }
}

/** What Go trusts and sends (CA roots, .netrc): read once per wizard run, so probes see the network as Go does. */
async function goNetwork(env: NodeJS.ProcessEnv) {
  const [cas, netrc] = await Promise.all([
    loadGoTrustedCAs({ platform: process.platform, env }),
    readNetrc(env).catch(() => []),
  ]);
  return { ca: cas.ca, netrc };
}

function probeOne(
  url: string,
  env: NodeJS.ProcessEnv,
  net: Awaited<ReturnType<typeof goNetwork>>,
): Promise<ProbeResult> {
  return probeUrl(url, {
    timeoutMs: Number(env.GOMODCTL_PROBE_TIMEOUT_MS) || PROBE_TIMEOUT_MS,
    env,
    ca: net.ca,
    netrc: net.netrc,
  });
}

/** Probes every mirror's canary list and sumdb support, all concurrently. */
export async function probeMirrors(mirrors: Mirror[], env: NodeJS.ProcessEnv): Promise<MirrorProbe[]> {
  const canary = env.GOMODCTL_CANARY_MODULE || undefined;
  const net = await goNetwork(env);
  return Promise.all(
    mirrors.map(async (mirror) => {
      const [list, sumdb] = await Promise.all([
        probeOne(canaryUrl(mirror.url, canary), env, net),
        probeOne(sumdbSupportedUrl(mirror.url), env, net),
      ]);
      return { mirror, list, sumdb };
    }),
  );
}

/** Appends a .netrc entry (mode 0600), after the user agreed; returns the path written. */
async function writeNetrc(
  ctx: RunContext,
  answers: NonNullable<WizardAnswers['netrc']>,
  goVersion: string | null,
): Promise<string | null> {
  const path = getNetrcPath({ platform: process.platform, env: ctx.env, exists: existsSync, goVersion });
  if (!path) return null;
  const entry = netrcEntryText(answers.url, answers.login, answers.password);
  await writeFileAtomic(path, appendNetrc(await readTextOrNull(path), entry));
  await chmod(path, 0o600);
  return path;
}

async function loadPrompts(): Promise<WizardPrompts> {
  const p = await import('@inquirer/prompts');
  return p as unknown as WizardPrompts;
}

/** The whole interactive `gomodctl init`; `prompts` is injected by flow tests. Returns the exit code. */
export async function runWizard(
  opts: InitOptions,
  ctx: RunContext & { prompts?: WizardPrompts; runDoctor?: () => Promise<number> },
): Promise<number> {
  const { loaded, goenvPath, goBin } = await loadForWrite(ctx, opts.go);
  const prompts = ctx.prompts ?? (await loadPrompts());
  const answers = await runWizardFlow({
    out: ctx.out,
    prompts,
    model: loaded.model,
    platform: process.platform,
    catalog: selectCatalog(ctx.env.GOMODCTL_MIRRORS),
    probeMirrors: (m) => probeMirrors(m, ctx.env),
    probeDirect: async () =>
      probeOne(ctx.env.GOMODCTL_DIRECT_URL || DIRECT_PROBE_URL, ctx.env, await goNetwork(ctx.env)),
    requirements: loaded.goMod?.require.map((r) => r.path) ?? [],
    remotes: await getGitRemoteUrls(ctx.cwd, ctx.env),
  });
  const plan = buildInitPlan(loaded.model, {
    proxy: answers.proxy,
    private: answers.private,
    sumdb: answers.sumdb,
    allowCredentials: opts.allowCredentials,
  });
  if (
    answers.netrc &&
    (await prompts.confirm({ message: 'Append this login to your .netrc (mode 0600)?', default: true }))
  ) {
    const path = await writeNetrc(ctx, answers.netrc, loaded.go?.version ?? null);
    ctx.out.line(path ? `Wrote ${path}` : 'No home directory: .netrc not written.');
  }
  const code = await executePlan({
    ctx: { ...ctx, confirm: (message) => prompts.confirm({ message, default: true }) },
    plan,
    goenvPath,
    goBin,
    command: 'init',
    dryRun: opts.dryRun,
    yes: opts.yes,
  });
  if (code !== 0 || opts.dryRun) return code;
  if (
    ctx.runDoctor &&
    (await prompts.confirm({ message: 'Run gomodctl doctor now to check the new configuration?', default: true }))
  ) {
    await ctx.runDoctor();
  } else ctx.out.line('Check the result any time with: gomodctl doctor');
  return code;
}
