// The interactive `gomodctl init`: gathers go.mod, git remotes and mirror probes, runs the wizard's questions,
// writes .netrc when asked, then shows, confirms and applies the plan like `init` from flags.
import { code as command } from '../core/i18n/message.js';
import { initMsg } from '../core/i18n/messages/init.js';
import { buildInitPlan } from '../core/init/plan.js';
import { canaryUrl, DIRECT_PROBE_URL, selectCatalog, sumdbSupportedUrl, type Mirror } from '../core/init/mirrors.js';
import type { MirrorProbe } from '../core/init/rank.js';
import { judgeEntry, proxyListEntries, type EntryProbe } from '../core/init/probe-check.js';
import { getGitRemoteUrls } from '../go/git.js';
import { appendNetrcLogin } from '../go/netrc-write.js';
import { createGoProber, type GoProber } from '../probes/go-prober.js';
import { loadPrompts, type WizardPrompts } from '../report/prompts.js';
import type { InitOptions } from './init.js';
import { runWizardFlow } from './init-wizard-flow.js';
import { executePlan, loadForWrite, type RunContext } from './write-plan.js';

/** Bound for each wizard probe request (they all run at once). */
const PROBE_TIMEOUT_MS = 4000;

/** The wizard's prober: the network as this Go sees it, each probe bounded. */
function wizardProber(env: NodeJS.ProcessEnv, goVersion: string | null): Promise<GoProber> {
  const timeoutMs = Number(env.GOMODCTL_PROBE_TIMEOUT_MS) || PROBE_TIMEOUT_MS;
  return createGoProber({ env, goVersion, platform: process.platform, timeoutMs });
}

/** Probes every mirror's canary list and sumdb support, all concurrently. */
export async function probeMirrors(mirrors: Mirror[], prober: GoProber, canary?: string): Promise<MirrorProbe[]> {
  return Promise.all(
    mirrors.map(async (mirror) => {
      const [list, sumdb] = await Promise.all([
        prober.probe(canaryUrl(mirror.url, canary)),
        prober.probe(sumdbSupportedUrl(mirror.url)),
      ]);
      return { mirror, list, sumdb };
    }),
  );
}

/** Probes every entry of a GOPROXY list about to be written, concurrently: URL entries with the canary, direct. */
export async function probeProxyEntries(
  proxy: string,
  env: NodeJS.ProcessEnv,
  goVersion: string | null,
): Promise<EntryProbe[]> {
  const entries = proxyListEntries(proxy);
  if (entries.length === 0) return [];
  const prober = await wizardProber(env, goVersion);
  const canary = env.GOMODCTL_CANARY_MODULE || undefined;
  try {
    return await Promise.all(
      entries.map(async (e) => {
        if (e === 'off') return judgeEntry(e, null);
        const url = e === 'direct' ? env.GOMODCTL_DIRECT_URL || DIRECT_PROBE_URL : canaryUrl(e, canary);
        return judgeEntry(e, await prober.probe(url));
      }),
    );
  } finally {
    prober.close();
  }
}

/** Ctrl-C in an inquirer prompt (cli/main.ts turns it into exit 130, quietly). */
function isPromptExit(err: unknown): boolean {
  return err instanceof Error && err.name === 'ExitPromptError';
}

/** The whole interactive `gomodctl init`; `prompts` is injected by flow tests. Returns the exit code. */
export async function runWizard(
  opts: InitOptions,
  ctx: RunContext & { prompts?: WizardPrompts; runDoctor?: () => Promise<number> },
): Promise<number> {
  const prompts = ctx.prompts ?? (await loadPrompts(ctx.out));
  const t = ctx.out.t;
  const wrote: { netrc?: string } = {};
  let code: number;
  try {
    code = await askAndApply(opts, { ...ctx, prompts }, wrote);
  } catch (err) {
    // Interrupted before the write: say what state the user is in (the GOENV file is written last, in one go).
    if (isPromptExit(err)) {
      ctx.out.line(t(wrote.netrc ? initMsg('interrupted.netrc', { path: wrote.netrc }) : initMsg('interrupted')));
    }
    throw err;
  }
  if (code !== 0 || opts.dryRun) return code;
  if (ctx.runDoctor && (await prompts.confirm({ message: t(initMsg('ask.doctor')), default: true }))) {
    await ctx.runDoctor();
  } else ctx.out.line(t(initMsg('doctorLater', { command: command('gomodctl doctor') })));
  return code;
}

/** Steps 1–7: the questions, the .netrc entry, then the preview, confirmation and write of the plan. */
async function askAndApply(
  opts: InitOptions,
  ctx: RunContext & { prompts: WizardPrompts },
  wrote: { netrc?: string },
): Promise<number> {
  const { prompts } = ctx;
  const t = ctx.out.t;
  const { loaded, goenvPath, goBin } = await loadForWrite(ctx, opts.go);
  const prober = await wizardProber(ctx.env, loaded.go?.version ?? null);
  const answers = await runWizardFlow({
    out: ctx.out,
    prompts,
    model: loaded.model,
    platform: process.platform,
    catalog: selectCatalog(ctx.env.GOMODCTL_MIRRORS),
    probeMirrors: (m) => probeMirrors(m, prober, ctx.env.GOMODCTL_CANARY_MODULE || undefined),
    probeDirect: () => prober.probe(ctx.env.GOMODCTL_DIRECT_URL || DIRECT_PROBE_URL),
    requirements: loaded.goMod?.require.map((r) => r.path) ?? [],
    remotes: await getGitRemoteUrls(ctx.cwd, ctx.env),
  }).finally(() => prober.close());
  const plan = buildInitPlan(loaded.model, {
    proxy: answers.proxy,
    private: answers.private,
    sumdb: answers.sumdb,
    allowCredentials: opts.allowCredentials,
  });
  if (answers.netrc && (await prompts.confirm({ message: t(initMsg('ask.netrc')), default: true }))) {
    const path = await appendNetrcLogin({ env: ctx.env, goVersion: loaded.go?.version ?? null, ...answers.netrc });
    if (path) wrote.netrc = path;
    ctx.out.line(t(path ? initMsg('netrc.wrote', { path }) : initMsg('netrc.noHome')));
  }
  return executePlan({
    ctx: { ...ctx, confirm: (message) => prompts.confirm({ message, default: true }) },
    plan,
    goenvPath,
    goBin,
    command: 'init',
    dryRun: opts.dryRun,
    yes: opts.yes,
  });
}
