// `gomodctl route`: which URLs Go would request for each module, in which order, and which rule decided (no network).
import { resolveRoute } from '../core/route.js';
import { goosGoarch } from '../core/toolchain.js';
import { loadConfig } from '../go/load-config.js';
import { resolveGoBinary } from '../go/run-go.js';
import { createOutput } from '../report/output.js';
import { renderRoutesHuman, routeJson } from '../report/route-report.js';
import type { RunOptions } from './run-options.js';

/** Options of `gomodctl route`: the validated module arguments and the output mode. */
interface RouteOptions extends RunOptions {
  targets: Array<{ path: string; version?: string }>;
}

/** Runs `gomodctl route`; resolves to the exit code. */
export async function runRoute(o: RouteOptions): Promise<number> {
  const go = await resolveGoBinary(o.go, o.env);
  const loaded = await loadConfig({ go, env: o.env });
  const platform = goosGoarch(process.platform, process.arch);
  const routes = o.targets.map((t) => resolveRoute(loaded.model, t.path, t.version, platform));
  const out = createOutput({ json: o.json, color: o.color, lang: o.lang });
  if (out.json) out.printDocument('route', routeJson(routes));
  else renderRoutesHuman(out, routes);
  return 0;
}
