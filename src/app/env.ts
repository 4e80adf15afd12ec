// `gomodctl env`: the effective Go module configuration and where each value comes from.
import { MODULE_VARS } from '../core/known-vars.js';
import { loadConfig } from '../go/load-config.js';
import { resolveGoBinary } from '../go/run-go.js';
import { envJson, renderEnvHuman } from '../report/env-report.js';
import { createOutput } from '../report/output.js';
import type { RunOptions } from './run-options.js';

/** The variables the human table shows, in this order. */
const SHOWN = [...MODULE_VARS, 'HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY'];

/** Options of `gomodctl env`. */
type EnvOptions = RunOptions;

/** Runs `gomodctl env`; resolves to the exit code. */
export async function runEnv(o: EnvOptions): Promise<number> {
  const go = await resolveGoBinary(o.go, o.env);
  const loaded = await loadConfig({ go, env: o.env });
  const out = createOutput({ json: o.json, color: o.color, lang: o.lang });
  if (out.json) out.printDocument('env', envJson(loaded.model));
  else
    renderEnvHuman(
      out,
      loaded.model,
      SHOWN.filter((n) => loaded.model.vars[n]),
    );
  return 0;
}
