// Differential: where git (gettext) can show Chinese on this machine, our language choice agrees with it. Only
// locales that are always installed (C, C.UTF-8) are used, so the cases measure gettext's LANGUAGE rule; a locale
// git cannot load (zh_CN.UTF-8 not generated) makes git fall back to English while we still speak Chinese (we do not
// need libc's locale data), which is deliberate and not compared here.
import { describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { chooseLang } from '../../src/core/i18n/locale.js';

const HAS_GIT_ZH = existsSync('/usr/share/locale/zh_CN/LC_MESSAGES/git.mo');

async function gitSpeaksChinese(env: Record<string, string>): Promise<boolean> {
  const r = await execa('git', ['-C', '/nonexistent-gomodctl-dir', 'status'], {
    env: { PATH: process.env.PATH ?? '', ...env },
    extendEnv: false,
    reject: false,
    timeout: 10_000,
  });
  return /[\u4e00-\u9fff]/.test(String(r.stderr));
}

describe.skipIf(!HAS_GIT_ZH || process.platform === 'win32')('language choice agrees with git (gettext)', () => {
  it.each([
    [{ LC_ALL: 'C.UTF-8', LANGUAGE: 'zh_CN' }],
    [{ LANG: 'C.UTF-8', LANGUAGE: 'zh_CN' }],
    [{ LANG: 'C.UTF-8', LANGUAGE: 'xx:zh_CN' }], // no catalogue for xx: the next one
    [{ LC_ALL: 'C', LANGUAGE: 'zh_CN' }],
    [{ LC_ALL: 'POSIX', LANGUAGE: 'zh_CN' }],
    [{ LANGUAGE: 'zh_CN' }],
    [{ LC_ALL: 'C', LANG: 'C.UTF-8', LANGUAGE: 'zh_CN' }],
    // LC_CTYPE too: with the C charset gettext picks Chinese but prints it as '?'.
    [{ LC_MESSAGES: 'C.UTF-8', LC_CTYPE: 'C.UTF-8', LANGUAGE: 'zh_CN' }],
  ])('%o', async (env) => {
    const ours = chooseLang({ env, platform: process.platform }).lang;
    expect(ours === 'zh').toBe(await gitSpeaksChinese(env));
  });
});
