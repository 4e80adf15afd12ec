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
    const text = 'Get "https://bob:hunter2@p.corp/a": 401\nGOPROXY=http://a:b@x.io,https://c:d@y.io|direct and "https://u:***@z"';
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
