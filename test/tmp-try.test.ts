import { it } from "vitest";
import { startFaultProxy, refusedUrl } from './helpers/fault-proxy.js';
import { makeHermeticGo } from './helpers/go-env.js';
import { mod, writeFiles } from './helpers/needs-lab.js';
import { runCli } from './helpers/run-cli.js';
import { join } from 'node:path';
it("try", async () => {
const p = await startFaultProxy({ modules: [mod('golang.org/x/fixdemo@v1.0.0')], fixtures: false });
const dead = await refusedUrl();
const h = makeHermeticGo({ GOPROXY: `${p.base('status/403')},${p.url}`, GOMODCTL_MIRRORS: dead });
const root = join(h.dir, 'project');
writeFiles(root, { 'go.mod': 'module example.com/app\n\ngo 1.18\n\nrequire golang.org/x/fixdemo v1.0.0\n', 'main.go': 'package main\n\nimport _ "golang.org/x/fixdemo"\n\nfunc main() {}\n' });
for (const args of [['doctor', '--timeout', '1s', '--verify', '--mirror', p.url], ['doctor', '--json', '--timeout', '1s', '--verify']]) {
  const r = await runCli(args, { env: h.env, cwd: root });
  console.log(r.exitCode, r.stdout, r.stderr);
}
await p.close(); h.cleanup();
}, 60000);
