// .netrc parsing and matching (docs/go-rules.md#credentials): cases from cmd/go/internal/auth/netrc_test.go plus the
// version-dependent port rule.
import { describe, expect, it } from 'vitest';
import { findNetrcEntry, loginFix, parseNetrc } from '../../src/core/netrc.js';

// testNetrc from netrc_test.go, verbatim.
const GO_TEST_NETRC = `
machine incomplete
password none

machine api.github.com
  login user
  password pwd

machine incomlete.host
  login justlogin

machine test.host
login user2
password pwd2

machine oneline login user3 password pwd3

machine ignore.host macdef ignore
  login nobody
  password nothing

machine hasmacro.too macdef ignore-next-lines login user4 password pwd4
  login nobody
  password nothing

default
login anonymous
password gopher@golang.org

machine after.default
login oops
password too-late-in-file
`;

describe('parseNetrc', () => {
  it('matches TestParseNetrc', () => {
    expect(parseNetrc(GO_TEST_NETRC)).toEqual([
      { machine: 'api.github.com', login: 'user', password: 'pwd' },
      { machine: 'test.host', login: 'user2', password: 'pwd2' },
      { machine: 'oneline', login: 'user3', password: 'pwd3' },
      { machine: 'hasmacro.too', login: 'user4', password: 'pwd4' },
    ]);
  });

  it('Go quirk: "default" read as a pair on one line does not stop parsing', () => {
    const text = 'default login a password b\nmachine later login u password p\n';
    expect(parseNetrc(text)).toEqual([{ machine: 'later', login: 'u', password: 'p' }]);
  });

  it('CRLF files and tabs parse (strings.Fields)', () => {
    expect(parseNetrc('machine h\r\n\tlogin u\r\n\tpassword p\r\n')).toEqual([
      { machine: 'h', login: 'u', password: 'p' },
    ]);
  });

  it('an empty or missing file gives no entries', () => expect(parseNetrc('')).toEqual([]));
});

describe('findNetrcEntry', () => {
  const entries = parseNetrc(
    [
      'machine goproxy.corp.test login first password one',
      'machine goproxy.corp.test login second password two',
      'machine goproxy.corp.test:8443 login withport password three',
      'machine git.corp.test/team login team password four',
    ].join('\n'),
  );

  it('only https URLs get credentials', () => {
    expect(findNetrcEntry(entries, 'http://goproxy.corp.test/x', null)).toBeNull();
    expect(findNetrcEntry(entries, 'https://goproxy.corp.test/x', null)?.login).toBe('first');
  });

  it('first entry for a machine wins (all versions)', () => {
    for (const v of ['go1.19.8', 'go1.21.0', 'go1.26.1']) {
      expect(findNetrcEntry(entries, 'https://goproxy.corp.test/mod/@v/list', v)?.login).toBe('first');
    }
  });

  it('explicit port: 1.19 matches the hostname, 1.21+ need host:port (verified with the real go)', () => {
    const url = 'https://goproxy.corp.test:8443/m/@v/list';
    expect(findNetrcEntry(entries, url, 'go1.19.8')?.login).toBe('first');
    expect(findNetrcEntry(entries, url, 'go1.21.13')?.login).toBe('withport');
    expect(findNetrcEntry(entries, url, 'go1.26.10')?.login).toBe('withport');
    expect(findNetrcEntry(parseNetrc('machine h login u password p'), 'https://h:8443/', 'go1.22.1')).toBeNull();
  });

  it('1.25+ also matches host/path prefixes (GOAUTH loadCredential); 1.24 only the whole path or the host', () => {
    expect(findNetrcEntry(entries, 'https://git.corp.test/team/repo?go-get=1', 'go1.25.0')?.login).toBe('team');
    expect(findNetrcEntry(entries, 'https://git.corp.test/other', 'go1.26.1')).toBeNull();
    // auth.go @1.24.0 and @1.24.13: strings.Cut at the first "/" — the whole host/path, then the host alone.
    expect(findNetrcEntry(entries, 'https://git.corp.test/team/repo?go-get=1', 'go1.24.4')).toBeNull();
    expect(findNetrcEntry(entries, 'https://git.corp.test/team', 'go1.24.4')?.login).toBe('team');
    expect(findNetrcEntry(entries, 'https://git.corp.test/team/repo', 'go1.23.5')).toBeNull();
  });

  it('userinfo in the URL is not part of the host', () => {
    expect(findNetrcEntry(entries, 'https://u:pw@goproxy.corp.test/x', 'go1.26.0')?.login).toBe('first');
  });
});

/** The machine name the login advice gives, or null when it says Go sends no credentials. */
function adviceMachine(url: string, goVersion: string | null): string | null {
  const f = loginFix(url, undefined, goVersion);
  const note = f.kind === 'comment' ? String(f.note) : '';
  return /machine (\S+) login/.exec(note)?.[1] ?? null;
}

describe('loginFix', () => {
  it('names the machine findNetrcEntry matches for that Go, and none for http (Go sends nothing over http)', () => {
    const url = 'https://proxy.corp:8443/mods/example.com/@v/list';
    const entries = (machine: string) => parseNetrc(`machine ${machine} login u password p\n`);
    for (const v of ['go1.19.8', 'go1.21.0', 'go1.23.4', 'go1.24.0', 'go1.26.8', null]) {
      const machine = adviceMachine(url, v)!;
      expect(machine).toBe(v === 'go1.19.8' ? 'proxy.corp' : 'proxy.corp:8443');
      expect(findNetrcEntry(entries(machine), url, v)).not.toBeNull();
    }
    expect(adviceMachine('https://proxy.corp/x', 'go1.26.8')).toBe('proxy.corp');
    expect(adviceMachine('http://proxy.corp:8080/x', 'go1.26.8')).toBeNull();
    const http = loginFix('http://proxy.corp:8080/x', 'proxy.corp:8080', 'go1.26.8');
    expect(http.kind === 'comment' && String(http.note)).toMatch(/^Go sends no credentials to an http:\/\/ GOPROXY/);
  });
});
