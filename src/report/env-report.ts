// Renders the config model (`gomodctl env`): variable, effective value, source, shadowed GOENV value, default (Output
// redacts every line). Words come from the env catalogue (core/i18n/messages/env.ts); values and names are verbatim.
import type { ConfigModel } from '../core/config-types.js';
import { code, type Text } from '../core/i18n/message.js';
import { commonMsg } from '../core/i18n/messages/common.js';
import { envMsg } from '../core/i18n/messages/env.js';
import { redactSecrets } from '../core/redact.js';
import { wrapAfter } from '../core/text-width.js';
import type { Output } from './output.js';

const SOURCE_TEXT: Record<string, Text> = {
  env: envMsg('source.env'),
  goenv: envMsg('source.goenv'),
  goroot: '$GOROOT/go.env',
  default: envMsg('source.default'),
};

/**
 * The source label of a variable. GONOPROXY and GONOSUMDB left unset take GOPRIVATE's value (cmd/go/internal/cfg
 * cfg.go: GONOPROXY = EnvOr("GONOPROXY", GOPRIVATE)): that is "from GOPRIVATE", not a default of their own. The JSON
 * keeps source "default" (schemaVersion 1).
 */
function sourceText(model: ConfigModel, name: string): Text {
  const v = model.vars[name]!;
  const inherits = name === 'GONOPROXY' || name === 'GONOSUMDB';
  if (inherits && v.source === 'default' && v.value !== '' && v.value === model.vars.GOPRIVATE?.value) {
    return envMsg('source.goprivate');
  }
  return SOURCE_TEXT[v.source] ?? v.source;
}

/** The body of `gomodctl env --json`. */
export function envJson(model: ConfigModel): Record<string, unknown> {
  return { goVersion: model.goVersion, goenv: model.goenvPath, vars: Object.values(model.vars) };
}

/** Prints the model as an aligned table, with shadowing warnings. */
export function renderEnvHuman(out: Output, model: ConfigModel, names: string[]): void {
  const title = out.c.bold(out.t(envMsg('title')));
  const goVersion = model.goVersion ?? envMsg('goNotFound');
  out.line(out.t(envMsg('heading', { title, goVersion, goenv: model.goenvPath ?? 'off' })));
  out.line();
  const width = Math.max(...names.map((n) => n.length));
  const indent = ' '.repeat(width + 2);
  for (const name of names) {
    const v = model.vars[name];
    if (!v) continue;
    const value = v.value === '' ? out.c.dim(out.t(commonMsg('empty'))) : v.value;
    const src = out.c.dim(`[${out.t(sourceText(model, name))}]`);
    out.line(`${name.padEnd(width)}  ${value}  ${src}`);
    if (v.shadowedGoenvValue !== undefined) {
      const shadowed = v.shadowedGoenvValue === '' ? commonMsg('empty') : v.shadowedGoenvValue;
      // Redacted before wrapping, so that no line break can keep a password from being recognised.
      const text = redactSecrets(out.t(envMsg('shadowed', { value: shadowed, command: code(`go env -w ${name}=…`) })));
      out.line(wrapAfter(`${indent}${out.c.yellow(out.g.warn)} `, text, out.columns));
    }
    if (v.source !== 'default' && v.defaultValue !== v.value && v.defaultValue !== '') {
      out.line(`${indent}${out.c.dim(out.t(envMsg('default', { value: v.defaultValue })))}`);
    }
  }
}
