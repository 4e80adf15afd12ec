// The init wizard's flow: its questions (steps 1–6), in order. Prompts and probes are injected, so flow tests answer
// them.
import { UsageError } from '../core/errors.js';
import { parseGoproxy, validateGoproxyForWrite } from '../core/goproxy.js';
import { validateGosumdbForWrite } from '../core/gosumdb.js';
import { isRecommended, rankMirrors, recommendProxy, mirrorVerdict, type MirrorProbe } from '../core/init/rank.js';
import type { Mirror } from '../core/init/mirrors.js';
import { fixMsg } from '../core/i18n/messages/fix.js';
import { allEntriesFailed, judgeEntry, proxyListEntries } from '../core/init/probe-check.js';
import { matchingRequirements, suggestPrivatePatterns } from '../core/init/suggest.js';
import { validatePatternsForWrite } from '../core/init/validate-patterns.js';
import type { ConfigModel } from '../core/config-types.js';
import type { ProbeResult } from '../core/probe-types.js';
import { renderCurrentConfig, renderMirrorTable, shadowWarnings } from '../report/init-table.js';
import type { Output } from '../report/output.js';
import type { WizardPrompts } from '../report/prompts.js';

/** Everything the wizard reads; all I/O is behind these functions. */
export interface WizardDeps {
  out: Output;
  prompts: WizardPrompts;
  model: ConfigModel;
  platform: NodeJS.Platform;
  catalog: Mirror[];
  probeMirrors(mirrors: Mirror[]): Promise<MirrorProbe[]>;
  probeDirect(): Promise<ProbeResult>;
  requirements: string[];
  remotes: string[];
}

/** The wizard's result: values for the plan, plus an optional .netrc entry to write. */
interface WizardAnswers {
  proxy: string;
  private?: string;
  sumdb?: string;
  netrc?: { url: string; login: string; password: string };
}

/** Turns a thrown UsageError into inquirer's "validation message" form. */
function asValidator(check: (v: string) => unknown): (v: string) => boolean | string {
  return (v) => {
    try {
      check(v);
      return true;
    } catch (e) {
      return e instanceof UsageError ? e.message : String(e);
    }
  };
}

/**
 * The URL Go uses for a proxy typed without a scheme ("athens.corp.local"): proxyList
 * (cmd/go/internal/modfetch/proxy.go) adds "https://" to an entry with no ":/" that is not an absolute path.
 */
function proxyUrlAsGoReadsIt(typed: string): string {
  const parsed = parseGoproxy(typed, '');
  const entry = parsed.ok ? parsed.entries.find((e) => e.kind === 'url') : undefined;
  return entry?.kind === 'url' ? entry.url : typed;
}

/** Asks for a proxy of the user's own; a single URL (a list is the proxies step's job), scheme added as Go adds it. */
async function askOwnProxy(d: WizardDeps): Promise<string> {
  const typed = (
    await d.prompts.input({
      message: 'Add your own proxy URL to test (empty to skip):',
      validate: asValidator((v) => {
        if (v.trim() === '') return;
        if (/[,|]/.test(v))
          throw new UsageError('one URL here, please: the order of proxies is chosen in the next step');
        validateGoproxyForWrite(v.trim());
      }),
    })
  ).trim();
  if (!typed) return '';
  const url = proxyUrlAsGoReadsIt(typed);
  if (url !== typed) d.out.line(`No scheme given: using ${url} (Go adds https:// to a GOPROXY entry without one).`);
  return url;
}

async function stepProbe(d: WizardDeps): Promise<{ ranked: MirrorProbe[]; directOk: boolean }> {
  const extra = await askOwnProxy(d);
  const mirrors = extra
    ? [...d.catalog, { id: extra.replace(/^https?:\/\//, ''), url: extra, note: 'yours' }]
    : d.catalog;
  d.out.line(`Probing ${mirrors.length} mirror(s) and direct access…`);
  const spinner = await d.out.startSpinner(`waiting for ${mirrors.length + 1} answers…`);
  const [probes, direct] = await Promise.all([d.probeMirrors(mirrors), d.probeDirect()]).finally(() => spinner.stop());
  const ranked = rankMirrors(probes);
  renderMirrorTable(d.out, ranked, direct);
  return { ranked, directOk: direct.ok };
}

async function stepProxy(d: WizardDeps, ranked: MirrorProbe[], directOk: boolean): Promise<string> {
  const recommended = recommendProxy(ranked, directOk);
  d.out.line(`Recommended: GOPROXY=${recommended}`);
  const chosen = await d.prompts.checkbox({
    message: 'Proxies to use, in this order:',
    choices: ranked.map((p) => ({
      name: `${p.mirror.id} (${p.mirror.url})`,
      value: p.mirror.url,
      checked: isRecommended(recommended, p.mirror.url),
    })),
  });
  const sep =
    chosen.length < 2
      ? ','
      : await d.prompts.select({
          message: 'Separator between proxies:',
          choices: [
            { name: '| fall through to the next proxy on ANY error (timeout, 403, 5xx) — recommended', value: '|' },
            { name: ', fall through only when a proxy answers 404/410 (not found)', value: ',' },
          ],
        });
  const useDirect = await d.prompts.confirm({
    message: `End with direct (fetch from origin when proxies say not found)?${directOk ? '' : ' Not recommended: origin is unreachable from here.'}`,
    default: directOk,
  });
  const list = chosen.join(sep);
  if (!list) return useDirect ? 'direct' : 'off';
  return useDirect ? `${list},direct` : list;
}

async function stepPrivate(d: WizardDeps): Promise<string | undefined> {
  const current = d.model.vars.GOPRIVATE?.value ?? '';
  const suggestions = suggestPrivatePatterns({
    requirements: d.requirements,
    remotes: d.remotes,
    existingGoprivate: current,
  });
  let picked: string[] = [];
  if (suggestions.length) {
    picked = await d.prompts.checkbox({
      message: 'Private module patterns (GOPRIVATE: no proxy, no checksum database):',
      choices: suggestions.map((s) => ({
        name: `${s.pattern}  ${s.reason}; matches ${s.matches.length ? s.matches.join(', ') : 'no requirement'}`,
        value: s.pattern,
        // Every suggestion is preselected: each comes from the current GOPRIVATE, a git remote or a go.mod
        // requirement that looks private; unticking is one key, retyping a host is many.
        checked: true,
      })),
    });
  }
  const more = (
    await d.prompts.input({
      message: 'More patterns, comma-separated (empty for none):',
      validate: asValidator((v) => v.trim() === '' || validatePatternsForWrite('GOPRIVATE', v)),
    })
  ).trim();
  const all = [...picked, ...(more ? more.split(',') : [])].filter(Boolean).join(',');
  for (const p of all ? all.split(',') : []) {
    const m = matchingRequirements(p, d.requirements);
    d.out.line(`  ${p}: ${m.length ? `matches ${m.join(', ')}` : 'matches no requirement of this go.mod'}`);
  }
  return all === current ? undefined : all;
}

async function stepSumdb(d: WizardDeps): Promise<string | undefined> {
  const current = d.model.vars.GOSUMDB?.value ?? 'sum.golang.org';
  const choice = await d.prompts.select<string>({
    message: 'Checksum database (GOSUMDB):',
    choices: [
      { name: `keep ${current}`, value: 'keep' },
      ...[
        {
          name: 'sum.golang.org (default; fetched through the proxy when it supports /sumdb)',
          value: 'sum.golang.org',
        },
        { name: 'sum.golang.google.cn (same database, reachable from mainland China)', value: 'sum.golang.google.cn' },
        { name: 'custom: "name+key [url]"', value: 'custom' },
        { name: 'off (not recommended)', value: 'off' },
      ].filter((c) => c.value !== current),
    ],
  });
  if (choice === 'keep') return undefined;
  if (choice === 'custom') {
    return (
      await d.prompts.input({ message: 'GOSUMDB value:', validate: asValidator((v) => validateGosumdbForWrite(v)) })
    ).trim();
  }
  if (choice === 'off') {
    d.out.line(
      d.out.c.yellow(
        'GOSUMDB=off accepts every new module unverified. To skip only private modules, keep the database and list them in GONOSUMDB or GOPRIVATE.',
      ),
    );
    if (!(await d.prompts.confirm({ message: 'Turn checksum verification off anyway?', default: false })))
      return undefined;
  }
  return choice;
}

async function stepAuth(d: WizardDeps): Promise<WizardAnswers['netrc']> {
  d.out.line(
    'Private proxies authenticate with ~/.netrc (or GOAUTH on Go 1.24+), never with a password inside GOPROXY.',
  );
  if (!(await d.prompts.confirm({ message: 'Does a private proxy need a login?', default: false }))) return undefined;
  const url = (
    await d.prompts.input({
      message: 'Private proxy https URL:',
      validate: asValidator((v) => validateGoproxyForWrite(v.trim())),
    })
  ).trim();
  const login = (await d.prompts.input({ message: 'Login:' })).trim();
  const password = await d.prompts.password({ message: 'Password or token:', mask: '*' });
  return { url, login, password };
}

/** Warns before a list is applied whose every entry failed the probes just shown (issue 13 item 6). */
function warnIfAllFailed(d: WizardDeps, proxy: string, ranked: MirrorProbe[], directOk: boolean): void {
  const results = proxyListEntries(proxy).map((e) => {
    if (e === 'off') return judgeEntry(e, null);
    if (e === 'direct') return { entry: e, ok: directOk, reason: directOk ? '' : 'origin unreachable' };
    const probe = ranked.find((p) => p.mirror.url === e);
    return probe ? judgeEntry(e, probe.list) : { entry: e, ok: true, reason: '' }; // not probed: no claim
  });
  if (!allEntriesFailed(results)) return;
  d.out.line(d.out.c.yellow(`warning: ${d.out.t(fixMsg('fix.allEntriesFailed', { proxy }))}`));
  for (const r of results)
    d.out.line(d.out.c.yellow(`  ${d.out.t(fixMsg('fix.entryFailed', { url: r.entry, reason: r.reason }))}`));
  d.out.line(d.out.c.yellow(d.out.t(fixMsg('fix.warnAllFailed'))));
}

/** Runs steps 1–6 and returns the answers; the preview, confirmation and write are the caller's (step 7). */
export async function runWizardFlow(d: WizardDeps): Promise<WizardAnswers> {
  renderCurrentConfig(d.out, d.model);
  for (const w of shadowWarnings(d.model, ['GOPROXY', 'GOPRIVATE', 'GOSUMDB'], d.platform))
    d.out.line(d.out.c.yellow(`warning: ${w}`));
  const { ranked, directOk } = await stepProbe(d);
  if (!ranked.some((p) => mirrorVerdict(p) === 'ok') && !directOk)
    d.out.line(d.out.c.yellow('No mirror and no origin answered: check the network or your HTTPS_PROXY.'));
  const proxy = await stepProxy(d, ranked, directOk);
  warnIfAllFailed(d, proxy, ranked, directOk);
  const priv = await stepPrivate(d);
  const sumdb = await stepSumdb(d);
  const netrc = await stepAuth(d);
  return {
    proxy,
    ...(priv !== undefined ? { private: priv } : {}),
    ...(sumdb !== undefined ? { sumdb } : {}),
    ...(netrc ? { netrc } : {}),
  };
}
