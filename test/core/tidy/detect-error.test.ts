// What one error line of the real go names: lines captured from go 1.19.8, 1.26.8 and 1.27.3 (the three print them
// alike), `go mod tidy` with GOPROXY=direct and git's url.<base>.insteadOf sending github.com/private/ to a local bare
// repository, unless the line comes from test/fixtures/tidy/go1.*/.
import { describe, expect, it } from 'vitest';
import { detectError } from '../../../src/core/tidy/detect-error.js';

describe('modfetch/coderepo.go findDir "reading %s/%s at revision %s" names a file of the repository', () => {
  it.each([
    // test/fixtures/tidy/go1.*/unknown-revision.txt: the module at the root of its repository.
    [
      '\tgithub.com/private/repo: reading github.com/private/repo/go.mod at revision v1.2.3: unknown revision v1.2.3',
      'github.com/private/repo',
      'v1.2.3',
    ],
    // A module in the sub/ directory: the revision is the tag sub/v1.2.3 (versionToRev), the version v1.2.3.
    [
      '\tgithub.com/private/repo/sub: reading github.com/private/repo/sub/go.mod at revision sub/v1.2.3: unknown revision sub/v1.2.3',
      'github.com/private/repo/sub',
      'v1.2.3',
    ],
    // A /v2 module whose go.mod is at the root: Go names the code root's go.mod, the module is the /v2 path.
    [
      '\tgithub.com/private/repo/v2: reading github.com/private/repo/go.mod at revision v2.0.5: unknown revision v2.0.5',
      'github.com/private/repo/v2',
      'v2.0.5',
    ],
  ])('%s', (line, module, version) => {
    expect(detectError(line)).toMatchObject({ cause: 'not-found', module, version });
  });

  it('require github.com/private/repo v2.0.5+incompatible: the path Go read is the module, the version +incompatible', () => {
    const line =
      '\tgithub.com/private/repo: reading github.com/private/repo/go.mod at revision v2.0.5: unknown revision v2.0.5';
    expect(detectError(line)).toMatchObject({ module: 'github.com/private/repo', version: 'v2.0.5+incompatible' });
  });

  it('a pseudo-version: Go names module@version itself, and the commit as the revision', () => {
    const line =
      '\tgithub.com/private/repo: github.com/private/repo@v0.0.0-20200101000000-0123456789ab: invalid version: unknown revision 0123456789ab';
    expect(detectError(line)).toMatchObject({
      module: 'github.com/private/repo',
      version: 'v0.0.0-20200101000000-0123456789ab',
    });
  });
});

describe('modfetch/proxy.go "invalid response from proxy %q" names the GOPROXY entry', () => {
  it('Latest (module M:, test/fixtures/tidy/go1.*/notgo.txt): the @latest URL of the module on that entry', () => {
    const line =
      '\texample.com/hello: module example.com/hello: invalid response from proxy "http://127.0.0.1:PORT/notgo": invalid character \'<\' looking for beginning of value';
    expect(detectError(line)).toMatchObject({
      cause: 'http-status',
      module: 'example.com/hello',
      url: 'http://127.0.0.1:PORT/notgo/example.com/hello/@latest',
      host: '127.0.0.1:PORT',
    });
  });
});

it('toolchain/select.go "download %s for %s/%s": golang.org/toolchain at the module version Go fetches', () => {
  // test/fixtures/tidy/go1.26/toolchain.txt
  expect(detectError('go: download go1.99.0 for linux/amd64: toolchain not available')).toMatchObject({
    cause: 'toolchain',
    phase: 'toolchain',
    module: 'golang.org/toolchain',
    version: 'v0.0.1-go1.99.0.linux-amd64',
  });
});
