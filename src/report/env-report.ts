// Renders the config model (`gomodctl env`): variable, effective value (redacted), source, shadowed GOENV value,
// default.
import type { ConfigModel } from '../core/config-types.js';
import type { Output } from './output.js';

const SOURCE_TEXT: Record<string, string> = {
  env: 'environment',
  goenv: 'GOENV file',
  goroot: '$GOROOT/go.env',
  default: 'default',
};

/** The body of `gomodctl env --json`. */
export function envJson(model: ConfigModel): Record<string, unknown> {
  return { goVersion: model.goVersion, goenv: model.goenvPath, vars: Object.values(model.vars) };
}

/** Prints the model as an aligned table, with shadowing warnings. */
export function renderEnvHuman(out: Output, model: ConfigModel, names: string[]): void {
  out.line(
    `${out.c.bold('Go module configuration')} (${model.goVersion ?? 'go not found'}; GOENV ${model.goenvPath ?? 'off'})`,
  );
  out.line();
  const width = Math.max(...names.map((n) => n.length));
  for (const name of names) {
    const v = model.vars[name];
    if (!v) continue;
    const value = v.value === '' ? out.c.dim('(empty)') : v.value;
    const src = out.c.dim(`[${SOURCE_TEXT[v.source] ?? v.source}]`);
    out.line(`${name.padEnd(width)}  ${value}  ${src}`);
    if (v.shadowedGoenvValue !== undefined) {
      out.line(
        `${' '.repeat(width)}  ${out.c.yellow('!')} overrides GOENV value ${v.shadowedGoenvValue || '(empty)'}: go env -w ${name}=… has no effect while the environment sets it`,
      );
    }
    if (v.source !== 'default' && v.defaultValue !== v.value && v.defaultValue !== '') {
      out.line(`${' '.repeat(width)}  ${out.c.dim(`default: ${v.defaultValue}`)}`);
    }
  }
}
