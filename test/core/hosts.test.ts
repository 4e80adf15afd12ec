// One host function per meaning: a URL's host (with port), its host name, and the first element of a module path.
import { describe, expect, it } from 'vitest';
import { modulePathHost, urlHost, urlHostname } from '../../src/core/hosts.js';

describe('hosts', () => {
  it.each([
    ['https://proxy.golang.org/github.com/x/@v/list', 'proxy.golang.org', 'proxy.golang.org'],
    ['http://bob:s3cret@127.0.0.1:8080/go', '127.0.0.1:8080', '127.0.0.1'],
    ['https://bob:xxxxx@nexus.corp/repository/go', 'nexus.corp', 'nexus.corp'],
    ['https://[::1]:8443/x', '[::1]:8443', '::1'],
    ['https://host:/x', 'host:', 'host'],
    ['goproxy.cn', undefined, undefined],
  ])('%s', (url, host, hostname) => {
    expect(urlHost(url)).toBe(host);
    expect(urlHostname(url)).toBe(hostname);
  });

  it('the host element of a module path or pattern', () => {
    expect(modulePathHost('git.corp.example.com/team/lib')).toBe('git.corp.example.com');
    expect(modulePathHost('*.corp.example.com')).toBe('*.corp.example.com');
    expect(modulePathHost('golang.org')).toBe('golang.org');
  });
});
