// gitLsRemote (go/git.ts): bounded as cmd/go's Ping is bounded by our probe timeout, the whole process group killed
// at the bound (git's https helper would otherwise keep the call waiting), and git's reason kept when it fails.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { gitLsRemote } from '../../src/go/git.js';
import { makeHermeticGo } from '../helpers/go-env.js';

let silent: Server;
const sockets: Socket[] = [];
let port = 0;
beforeAll(async () => {
  silent = createServer((s) => void sockets.push(s)); // accepts, never answers
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  port = (silent.address() as { port: number }).port;
});
afterAll(() => {
  for (const s of sockets) s.destroy();
  silent.close();
});

it('a silent https host: timedOut, and the call returns (git-remote-https killed with git)', async () => {
  const h = makeHermeticGo();
  try {
    const r = await gitLsRemote(`http://127.0.0.1:${port}/team/repo.git`, h.env, 800);
    expect(r).toEqual({ ok: false, timedOut: true });
  } finally {
    h.cleanup();
  }
}, 20_000);

it('a refused host: not ok, with git’s own first line', async () => {
  const h = makeHermeticGo();
  try {
    const r = await gitLsRemote('http://127.0.0.1:9/team/repo.git', h.env, 5_000);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/fatal|unable|Could not|Failed/i);
  } finally {
    h.cleanup();
  }
}, 20_000);
