// Test helper: a config model "as Go reports it" from GOENV-file values (or OS environment values), plus GOPROXY
// parsed once, the two things the tidy diagnosis reads.
import { buildConfigModel } from '../../../src/core/config-model.js';
import { modelProxies } from '../../../src/core/goproxy.js';
import type { ConfigModel } from '../../../src/core/config-types.js';
import type { ProxyEntry } from '../../../src/core/goproxy.js';

/** What the tidy core takes: the model and its parsed GOPROXY. */
export interface TidySettings {
  model: ConfigModel;
  proxies: ProxyEntry[];
}

/** Settings with `file` in the GOENV file and `env` in the OS environment (so fixes say `export` for those). */
export function tidySettings(
  file: Record<string, string>,
  o: { env?: Record<string, string>; goVersion?: string | null } = {},
): TidySettings {
  const model = buildConfigModel({
    env: o.env ?? {},
    goenvPath: '/tmp/gomodctl-test/env',
    goenvText: Object.entries(file)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
    gorootEnvText: 'GOPROXY=https://proxy.golang.org,direct\nGOSUMDB=sum.golang.org\nGOTOOLCHAIN=auto\n',
    goVersion: o.goVersion === undefined ? 'go1.26.8' : o.goVersion,
  });
  return { model, proxies: modelProxies(model) };
}
