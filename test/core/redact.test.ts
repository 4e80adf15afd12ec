import { describe, expect, it } from 'vitest';
import { redactSecrets, redactUrl } from '../../src/core/redact.js';

describe('redactUrl (url.Redacted)', () => {
  it.each([
    ['https://user:secret@proxy.corp/x', 'https://user:xxxxx@proxy.corp/x'],
    ['https://user@proxy.corp/x', 'https://user@proxy.corp/x'],
    ['https://:secret@proxy.corp', 'https://:xxxxx@proxy.corp'],
    ['https://user:@proxy.corp', 'https://user:xxxxx@proxy.corp'],
    ['https://u:p@ss@host/p?q=1', 'https://u:xxxxx@host/p?q=1'],
    ['https://proxy.golang.org', 'https://proxy.golang.org'],
    ['direct', 'direct'],
    ['not a url', 'not a url'],
    ['https://host/path@x:y', 'https://host/path@x:y'],
  ])('%s → %s', (input, want) => expect(redactUrl(input)).toBe(want));
});

describe('redactSecrets', () => {
  it('redacts every credential in free text, keeps *** forms', () => {
    const text =
      'Get "https://bob:hunter2@p.corp/a": 401\nGOPROXY=http://a:b@x.io,https://c:d@y.io|direct and "https://u:***@z"';
    const out = redactSecrets(text);
    for (const s of ['hunter2', ':b@', ':d@']) expect(out).not.toContain(s);
    expect(out).toContain('https://bob:xxxxx@p.corp/a');
    expect(out).toContain('http://a:xxxxx@x.io,https://c:xxxxx@y.io|direct');
    expect(out).toContain('https://u:***@z');
  });
  it('leaves text without credentials alone', () => {
    expect(redactSecrets('go: downloading rsc.io/quote v1.5.2 from https://proxy.golang.org')).toBe(
      'go: downloading rsc.io/quote v1.5.2 from https://proxy.golang.org',
    );
  });
});

describe('redactSecrets: review findings', () => {
  it.each([
    ["https://bob:pa'ss@127.0.0.1:1/x", 'https://bob:xxxxx@127.0.0.1:1/x'], // ' is valid in Go userinfo
    ['HTTPS_PROXY  bob:s3cret@127.0.0.1:9', 'HTTPS_PROXY  bob:xxxxx@127.0.0.1:9'], // scheme-less proxy value
    ['"target": "bob:s3cret@proxy.corp.invalid:3128"', '"target": "bob:xxxxx@proxy.corp.invalid:3128"'],
    ['git@github.com:org/repo', 'git@github.com:org/repo'],
    ['mail user@example.com at 12:30', 'mail user@example.com at 12:30'],
  ])('%s', (input, want) => {
    expect(redactSecrets(input)).toBe(want);
  });
});
