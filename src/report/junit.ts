// JUnit XML for CI test views (`--junit FILE`): GitLab's unit test reports and Jenkins' junit step read the Ant
// JUnit format: <testsuites><testsuite name tests failures errors skipped time timestamp><testcase classname name
// time><failure message type>text</failure> | <error …> | <skipped message/></testcase></testsuite></testsuites>.
// Everything is escaped for XML 1.0 (characters XML cannot carry, such as ANSI colour escapes, are dropped or
// replaced) and secrets are redacted, since CI keeps these files as artifacts.
// Machine output, like --json: test names and failure texts are English in every language (messages as String(m)).
import { writeFileSync } from 'node:fs';
import { UsageError } from '../core/errors.js';
import { redactSecrets } from '../core/redact.js';
import { renderFixes } from './fix-render.js';
import type { CheckResult } from '../core/doctor/check.js';
import type { TidyProblem, TidyReport } from '../core/tidy/report-model.js';

/** How one test case ended. */
type JUnitStatus = 'passed' | 'failed' | 'error' | 'skipped';

/** One test case: a module, a problem, a doctor check. */
interface JUnitCase {
  /** Dotted group (Jenkins shows the part before the last dot as package): gomodctl.tidy, gomodctl.doctor.proxy. */
  classname: string;
  name: string;
  status: JUnitStatus;
  timeMs?: number;
  /** One line: the message attribute of <failure>/<error>/<skipped>. */
  message?: string;
  /** The cause, as the type attribute. */
  type?: string;
  /** Text of <failure>/<error>: details and fixes, one per line. */
  details?: string;
  /** <system-out>: what else to show (a doctor warning). */
  output?: string;
}

/** One test suite: one command run. */
export interface JUnitSuite {
  name: string;
  cases: JUnitCase[];
  timeMs?: number;
  /** When the run started. */
  timestamp?: Date;
  properties?: Record<string, string>;
}

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF] (lone surrogates excluded).
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

/** Text XML 1.0 can carry: redacted, ANSI colour sequences removed, other disallowed characters as U+FFFD. */
function clean(s: string): string {
  return redactSecrets(s).replace(ANSI, '').replace(NOT_XML_CHAR, '\uFFFD');
}

/** Escapes character data. */
function xmlText(s: string): string {
  return clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value; tabs and line breaks as references, or XML would normalise them to spaces. */
export function xmlAttr(s: string): string {
  return xmlText(s)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

const seconds = (ms: number | undefined): string => ((ms ?? 0) / 1000).toFixed(3);
const attrs = (a: Record<string, string | number | undefined>): string =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');

function renderCase(c: JUnitCase): string[] {
  const open = `    <testcase${attrs({ classname: c.classname, name: c.name, time: seconds(c.timeMs) })}`;
  const inner: string[] = [];
  if (c.status === 'skipped') inner.push(`      <skipped${attrs({ message: c.message })}/>`);
  else if (c.status !== 'passed') {
    const tag = c.status === 'error' ? 'error' : 'failure';
    const head = `      <${tag}${attrs({ message: c.message ?? c.status, type: c.type })}`;
    inner.push(c.details ? `${head}>${xmlText(c.details)}</${tag}>` : `${head}/>`);
  }
  if (c.output) inner.push(`      <system-out>${xmlText(c.output)}</system-out>`);
  return inner.length ? [`${open}>`, ...inner, '    </testcase>'] : [`${open}/>`];
}

function count(cases: JUnitCase[]): Record<'tests' | 'failures' | 'errors' | 'skipped', number> {
  const n = (s: JUnitStatus) => cases.filter((c) => c.status === s).length;
  return { tests: cases.length, failures: n('failed'), errors: n('error'), skipped: n('skipped') };
}

function renderSuite(s: JUnitSuite, id: number): string[] {
  const timestamp = s.timestamp?.toISOString().slice(0, 19); // the Ant schema's dateTime has no zone: UTC
  const head = `  <testsuite${attrs({ name: s.name, id, ...count(s.cases), time: seconds(s.timeMs), timestamp })}>`;
  const props = Object.entries(s.properties ?? {}).map(([name, value]) => `      <property${attrs({ name, value })}/>`);
  return [
    head,
    ...(props.length ? ['    <properties>', ...props, '    </properties>'] : []),
    ...s.cases.flatMap(renderCase),
    '  </testsuite>',
  ];
}

/** The JUnit XML document of `suites`. */
export function renderJUnit(suites: JUnitSuite[], name = 'gomodctl'): string {
  const all = suites.flatMap((s) => s.cases);
  const time = seconds(suites.reduce((t, s) => t + (s.timeMs ?? 0), 0));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name, ...count(all), time })}>`,
    ...suites.flatMap((s, i) => renderSuite(s, i)),
    '</testsuites>',
    '',
  ].join('\n');
}

/** Writes the JUnit XML of `suites` to `path` (`--junit FILE`), replacing it. */
export function writeJUnit(path: string, suites: JUnitSuite[]): void {
  writeFileSync(path, renderJUnit(suites));
}

/** writeJUnit for `--junit FILE`: a file that cannot be written is bad input naming the path (exit 2). */
export function writeJUnitFile(path: string, suites: JUnitSuite[]): void {
  try {
    writeJUnit(path, suites);
  } catch (err) {
    throw new UsageError(`cannot write --junit "${path}": ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

function problemCase(p: TidyProblem): JUnitCase {
  const subject = p.module ? `${p.module}${p.version ? `@${p.version}` : ''}` : (p.package ?? p.host ?? 'go mod tidy');
  const facts = [
    p.message,
    ...(p.url ? [`URL: ${p.url}`] : []),
    ...(p.phase ? [`Phase: ${p.phase}`] : []),
    ...renderFixes(p.fix).map((f) => `Fix: ${f}`),
  ];
  const message = String(p.message).split('\n')[0]!;
  return {
    classname: 'gomodctl.tidy',
    name: `${subject} [${p.cause}]`,
    status: 'failed',
    message,
    type: p.cause,
    details: facts.join('\n'),
  };
}

/** One test case per module (passed when its download succeeded) and one failed case per problem. */
export function tidyJUnit(r: TidyReport, opts: { timestamp?: Date } = {}): JUnitSuite {
  const cases = r.problems.map(problemCase);
  const withProblem = new Set(r.problems.map((p) => p.module).filter(Boolean));
  for (const m of r.modules) {
    if (withProblem.has(m.path)) continue;
    const name = m.version ? `${m.path}@${m.version}` : m.path;
    const base = { classname: 'gomodctl.tidy', name, timeMs: m.durationMs };
    if (m.status === 'ok') cases.push({ ...base, status: 'passed' });
    else {
      const message = m.status === 'pending' ? 'still downloading when go was stopped' : 'failed (see go output)';
      cases.push({ ...base, status: 'failed', type: m.status, message });
    }
  }
  if (r.outcome !== 'ok' && !cases.some((c) => c.status === 'failed'))
    cases.push({
      classname: 'gomodctl.tidy',
      name: 'go mod tidy',
      status: 'failed',
      type: r.outcome,
      message: `go mod tidy: ${r.outcome}`,
    });
  if (cases.length === 0)
    cases.push({ classname: 'gomodctl.tidy', name: 'go mod tidy', status: 'passed', timeMs: r.durationMs });
  const properties = { outcome: r.outcome, goExitCode: r.goExitCode === null ? 'killed' : String(r.goExitCode) };
  return { name: 'gomodctl tidy', cases, timeMs: r.durationMs, timestamp: opts.timestamp, properties };
}

/** One test case per doctor check: fail → failure, skip → skipped, warn → passed with the warning as output. */
export function doctorJUnit(checks: CheckResult[], opts: { durationMs?: number; timestamp?: Date } = {}): JUnitSuite {
  const cases = checks.map((r): JUnitCase => {
    const c: JUnitCase = {
      classname: `gomodctl.doctor.${r.group}`,
      name: r.target ? `${r.title} (${r.target})` : String(r.title),
      status: r.status === 'fail' ? 'failed' : r.status === 'skip' ? 'skipped' : 'passed',
      timeMs: r.timings?.totalMs,
    };
    const text = [r.message, ...(r.details ?? []), ...renderFixes(r.fix).map((f) => `Fix: ${f}`)].join('\n');
    if (r.status === 'fail') Object.assign(c, { message: String(r.message), type: r.cause ?? 'fail', details: text });
    else if (r.status === 'skip') c.message = String(r.message);
    else if (r.status === 'warn') c.output = `warning: ${text}`;
    return c;
  });
  return { name: 'gomodctl doctor', cases, timeMs: opts.durationMs, timestamp: opts.timestamp };
}
