// `init --export`: the same configuration as a snippet for a shell, Docker or CI, quoted for each place.
import { UsageError } from '../errors.js';
import { powershellQuote, shellQuoteAlways } from '../shell-quote.js';

/** Supported --export targets. */
export const EXPORT_FORMATS = [
  'shell',
  'powershell',
  'dockerfile',
  'github-actions',
  'gitlab-ci',
  'devcontainer',
] as const;

/** One --export target. */
type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Checks an --export value; unknown values are a UsageError listing the valid ones. */
export function parseExportFormat(value: string): ExportFormat {
  if ((EXPORT_FORMATS as readonly string[]).includes(value)) return value as ExportFormat;
  throw new UsageError(
    `--export "${value}" is not a known format; use one of ${EXPORT_FORMATS.join(', ')} (e.g. --export github-actions).`,
  );
}

/** Dockerfile ENV double quotes: backslash escapes \, " and $ (otherwise expanded by the builder). */
function dq(v: string): string {
  return `"${v.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
}

/** YAML double-quoted scalar; JSON string syntax is valid YAML (YAML 1.2 §7.3.1). */
function yq(v: string): string {
  return JSON.stringify(v);
}

const RENDERERS: Record<ExportFormat, (vars: Array<[string, string]>) => string> = {
  shell: (vars) =>
    [
      '# POSIX shell: add to ~/.profile (or run in CI before go commands)',
      ...vars.map(([k, v]) => `export ${k}=${shellQuoteAlways(v)}`),
    ].join('\n'),
  powershell: (vars) =>
    [
      '# PowerShell: this session; for all sessions use [Environment]::SetEnvironmentVariable(name, value, "User")',
      ...vars.map(([k, v]) => `$env:${k} = ${powershellQuote(v)}`),
    ].join('\n'),
  dockerfile: (vars) =>
    ['# Dockerfile: put before the first RUN that calls go', ...vars.map(([k, v]) => `ENV ${k}=${dq(v)}`)].join('\n'),
  'github-actions': (vars) =>
    ['# GitHub Actions: workflow- or job-level env', 'env:', ...vars.map(([k, v]) => `  ${k}: ${yq(v)}`)].join('\n'),
  'gitlab-ci': (vars) =>
    ['# .gitlab-ci.yml: global or job-level variables', 'variables:', ...vars.map(([k, v]) => `  ${k}: ${yq(v)}`)].join(
      '\n',
    ),
  devcontainer: (vars) => JSON.stringify({ containerEnv: Object.fromEntries(vars) }, null, 2),
};

/** Renders variables (in order) as a snippet for the given place; unset variables are simply left out. */
export function renderExport(format: ExportFormat, vars: Array<[string, string]>): string {
  return `${RENDERERS[format](vars)}\n`;
}
