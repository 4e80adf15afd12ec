// The init wizard's flow: its questions (steps 1–6), in order. Prompts and probes are injected, so flow tests answer
// them.
import { UsageError } from '../core/errors.js';
import { code, type Text } from '../core/i18n/message.js';
import { initMsg } from '../core/i18n/messages/init.js';
import { redactSecrets } from '../core/redact.js';
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
import { wrap, wrapAfter } from '../core/text-width.js';

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

/** Turns a thrown UsageError into inquirer's "validation message" form, in the language of `t`. */
function asValidator(check: (v: string) => unknown, t: (text: Text) => string): (v: string) => boolean | string {
  return (v) => {
    try {
      check(v);
      return true;
    } catch (e) {
      return e instanceof UsageError ? redactSecrets(t(e.text)) : String(e);
    }
  };
}

/** A warning line of the wizard, in yellow. */
function warn(d: WizardDeps, text: Text): void {
  d.out.line(d.out.c.yellow(wrap(redactSecrets(d.out.t(initMsg('warning', { message: text }))), d.out.columns)));
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
  const { t } = d.out;
  const typed = (
    await d.prompts.input({
      message: t(initMsg('ask.ownProxy')),
      validate: asValidator((v) => {
        if (v.trim() === '') return;
        if (/[,|]/.test(v)) throw new UsageError(initMsg('ownProxy.oneUrl'));
        validateGoproxyForWrite(v.trim());
      }, t),
    })
  ).trim();
  if (!typed) return '';
  const url = proxyUrlAsGoReadsIt(typed);
  if (url !== typed) d.out.line(wrap(d.out.t(initMsg('ownProxy.schemeAdded', { url })), d.out.columns));
  return url;
}

async function stepProbe(d: WizardDeps): Promise<{ ranked: MirrorProbe[]; directOk: boolean }> {
  const extra = await askOwnProxy(d);
  const mirrors = extra
    ? [...d.catalog, { id: extra.replace(/^https?:\/\//, ''), url: extra, note: 'yours' }]
    : d.catalog;
  d.out.line(d.out.t(initMsg('probing', { count: mirrors.length })));
  const spinner = await d.out.startSpinner(d.out.t(initMsg('probing.waiting', { count: mirrors.length + 1 })));
  const [probes, direct] = await Promise.all([d.probeMirrors(mirrors), d.probeDirect()]).finally(() => spinner.stop());
  const ranked = rankMirrors(probes);
  renderMirrorTable(d.out, ranked, direct);
  return { ranked, directOk: direct.ok };
}

async function stepProxy(d: WizardDeps, ranked: MirrorProbe[], directOk: boolean): Promise<string> {
  const { t } = d.out;
  const recommended = recommendProxy(ranked, directOk);
  d.out.line(t(initMsg('recommended', { setting: code(`GOPROXY=${recommended}`) })));
  const chosen = await d.prompts.checkbox({
    message: t(initMsg('ask.proxies')),
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
          message: t(initMsg('ask.separator')),
          choices: [
            { name: t(initMsg('choice.pipe')), value: '|' },
            { name: t(initMsg('choice.comma')), value: ',' },
          ],
        });
  const useDirect = await d.prompts.confirm({
    message: t(initMsg(directOk ? 'ask.direct' : 'ask.directUnreachable')),
    default: directOk,
  });
  const list = chosen.join(sep);
  if (!list) return useDirect ? 'direct' : 'off';
  return useDirect ? `${list},direct` : list;
}

async function stepPrivate(d: WizardDeps): Promise<string | undefined> {
  const { t } = d.out;
  const current = d.model.vars.GOPRIVATE?.value ?? '';
  const suggestions = suggestPrivatePatterns({
    requirements: d.requirements,
    remotes: d.remotes,
    existingGoprivate: current,
  });
  let picked: string[] = [];
  if (suggestions.length) {
    picked = await d.prompts.checkbox({
      message: t(initMsg('ask.private')),
      choices: suggestions.map((s) => ({
        name: t(
          initMsg('choice.pattern', {
            pattern: s.pattern,
            reason: s.reason,
            matches: s.matches.length ? s.matches.join(', ') : initMsg('choice.noRequirement'),
          }),
        ),
        value: s.pattern,
        // Every suggestion is preselected: each comes from the current GOPRIVATE, a git remote or a go.mod
        // requirement that looks private; unticking is one key, retyping a host is many.
        checked: true,
      })),
    });
  }
  const more = (
    await d.prompts.input({
      message: t(initMsg('ask.morePatterns')),
      validate: asValidator((v) => v.trim() === '' || validatePatternsForWrite('GOPRIVATE', v), t),
    })
  ).trim();
  const all = [...picked, ...(more ? more.split(',') : [])].filter(Boolean).join(',');
  for (const p of all ? all.split(',') : []) {
    const m = matchingRequirements(p, d.requirements);
    const line = m.length
      ? initMsg('pattern.matches', { pattern: p, modules: m.join(', ') })
      : initMsg('pattern.matchesNone', { pattern: p });
    d.out.line(wrapAfter('  ', t(line), d.out.columns));
  }
  return all === current ? undefined : all;
}

async function stepSumdb(d: WizardDeps): Promise<string | undefined> {
  const { t } = d.out;
  const current = d.model.vars.GOSUMDB?.value ?? 'sum.golang.org';
  const choice = await d.prompts.select<string>({
    message: t(initMsg('ask.sumdb')),
    choices: [
      { name: t(initMsg('choice.keep', { value: current })), value: 'keep' },
      ...[
        { name: t(initMsg('choice.sumGolangOrg')), value: 'sum.golang.org' },
        { name: t(initMsg('choice.sumGoogleCn')), value: 'sum.golang.google.cn' },
        { name: t(initMsg('choice.custom')), value: 'custom' },
        { name: t(initMsg('choice.off')), value: 'off' },
      ].filter((c) => c.value !== current),
    ],
  });
  if (choice === 'keep') return undefined;
  if (choice === 'custom') {
    return (
      await d.prompts.input({
        message: t(initMsg('ask.sumdbValue')),
        validate: asValidator((v) => validateGosumdbForWrite(v), t),
      })
    ).trim();
  }
  if (choice === 'off') {
    d.out.line(d.out.c.yellow(wrap(t(initMsg('sumdbOffWarning')), d.out.columns)));
    if (!(await d.prompts.confirm({ message: t(initMsg('ask.sumdbOff')), default: false }))) return undefined;
  }
  return choice;
}

async function stepAuth(d: WizardDeps): Promise<WizardAnswers['netrc']> {
  const { t } = d.out;
  d.out.line(wrap(t(initMsg('authNote')), d.out.columns));
  if (!(await d.prompts.confirm({ message: t(initMsg('ask.needsLogin')), default: false }))) return undefined;
  const url = (
    await d.prompts.input({
      message: t(initMsg('ask.privateUrl')),
      validate: asValidator((v) => validateGoproxyForWrite(v.trim()), t),
    })
  ).trim();
  const login = (await d.prompts.input({ message: t(initMsg('ask.login')) })).trim();
  const password = await d.prompts.password({ message: t(initMsg('ask.password')), mask: '*' });
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
  warn(d, fixMsg('fix.allEntriesFailed', { proxy }));
  for (const r of results)
    d.out.line(d.out.c.yellow(`  ${d.out.t(fixMsg('fix.entryFailed', { url: r.entry, reason: r.reason }))}`));
  d.out.line(d.out.c.yellow(d.out.t(fixMsg('fix.warnAllFailed'))));
}

/** Runs steps 1–6 and returns the answers; the preview, confirmation and write are the caller's (step 7). */
export async function runWizardFlow(d: WizardDeps): Promise<WizardAnswers> {
  renderCurrentConfig(d.out, d.model);
  for (const w of shadowWarnings(d.model, ['GOPROXY', 'GOPRIVATE', 'GOSUMDB'], d.platform)) warn(d, w);
  const { ranked, directOk } = await stepProbe(d);
  if (!ranked.some((p) => mirrorVerdict(p) === 'ok') && !directOk)
    d.out.line(d.out.c.yellow(wrap(d.out.t(initMsg('nothingAnswered')), d.out.columns)));
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
