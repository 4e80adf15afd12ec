// The interactive `gomodctl init`: gathers go.mod, git remotes and mirror probes, runs the wizard's questions,
// writes .netrc when asked, then shows, confirms and applies the plan like `init` from flags.
import { buildInitPlan } from '../core/init/plan.js';
import { canaryUrl, DIRECT_PROBE_URL, selectCatalog, sumdbSupportedUrl, type Mirror } from '../core/init/mirrors.js';
import type { MirrorProbe } from '../core/init/rank.js';
import type { ProbeResult } from '../core/types.js';
import { getGitRemoteUrls } from '../go/git.js';
import { appendNetrcLogin } from '../go/netrc-write.js';
import { loadGoTrustedCAs } from '../probes/ca-certs.js';
import { probeUrl } from '../probes/http-probe.js';
import { readNetrc } from '../probes/netrc-file.js';
import { loadPrompts, type WizardPrompts } from '../report/prompts.js';
import type { InitOptions } from './init.js';
import { runWizardFlow } from './init-wizard-flow.js';
import { executePlan, loadForWrite, type RunContext } from './write-plan.js';

/** Bound for each wizard probe request (they all run at once). */
const PROBE_TIMEOUT_MS = 4000;

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
    const path = await appendNetrcLogin({ env: ctx.env, goVersion: loaded.go?.version ?? null, ...answers.netrc });
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
