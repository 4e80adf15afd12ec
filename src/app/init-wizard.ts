// The interactive `gomodctl init`: gathers go.mod, git remotes and mirror probes, runs the wizard's questions,
// writes .netrc when asked, then shows, confirms and applies the plan like `init` from flags.
import { code as command } from '../core/i18n/message.js';
import { initMsg } from '../core/i18n/messages/init.js';
import { buildInitPlan } from '../core/init/plan.js';
import { canaryUrl, DIRECT_PROBE_URL, selectCatalog, sumdbSupportedUrl, type Mirror } from '../core/init/mirrors.js';
import type { MirrorProbe } from '../core/init/rank.js';
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

/** The whole interactive `gomodctl init`; `prompts` is injected by flow tests. Returns the exit code. */
export async function runWizard(
  opts: InitOptions,
  ctx: RunContext & { prompts?: WizardPrompts; runDoctor?: () => Promise<number> },
): Promise<number> {
  const { loaded, goenvPath, goBin } = await loadForWrite(ctx, opts.go);
  const prompts = ctx.prompts ?? (await loadPrompts(ctx.out));
  const t = ctx.out.t;
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
    ctx.out.line(t(path ? initMsg('netrc.wrote', { path }) : initMsg('netrc.noHome')));
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
  if (ctx.runDoctor && (await prompts.confirm({ message: t(initMsg('ask.doctor')), default: true }))) {
    await ctx.runDoctor();
  } else ctx.out.line(t(initMsg('doctorLater', { command: command('gomodctl doctor') })));
  return code;
}
