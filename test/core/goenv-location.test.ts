// cfg.EnvFile and os.UserConfigDir per OS (cmd/go/internal/cfg/cfg.go, os/file.go).
import { describe, expect, it } from 'vitest';
import { getGoenvPath, getUserConfigDir } from '../../src/core/goenv-location.js';

describe('getGoenvPath', () => {
  it.each([
    ['linux', { HOME: '/home/u' }, '/home/u/.config/go/env'],
    ['linux', { HOME: '/home/u', XDG_CONFIG_HOME: '/xdg' }, '/xdg/go/env'],
    ['linux', { HOME: '/home/u', XDG_CONFIG_HOME: 'rel/xdg' }, ''],
    ['linux', {}, ''],
    ['freebsd', { HOME: '/usr/home/u' }, '/usr/home/u/.config/go/env'],
    ['darwin', { HOME: '/Users/u', XDG_CONFIG_HOME: '/ignored' }, '/Users/u/Library/Application Support/go/env'],
    ['win32', { AppData: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u\\AppData\\Roaming\\go\\env'],
    ['win32', { APPDATA: 'D:\\Roam' }, 'D:\\Roam\\go\\env'],
    ['win32', { HOME: 'C:\\u' }, ''],
    ['linux', { HOME: '/home/u', GOENV: '/custom/env' }, '/custom/env'],
    ['win32', { GOENV: 'off' }, 'off'],
    ['linux', { HOME: '/home/u', GOENV: '' }, '/home/u/.config/go/env'],
  ] as const)('%s %j → %j', (platform, env, want) => {
    expect(getGoenvPath({ platform, env })).toBe(want);
  });
  it('getUserConfigDir returns null when Go would error', () => {
    expect(getUserConfigDir({ platform: 'darwin', env: {} })).toBeNull();
    expect(getUserConfigDir({ platform: 'linux', env: { HOME: '/h' } })).toBe('/h/.config');
  });
});
