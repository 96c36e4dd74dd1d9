import { describe, expect, it } from 'vitest';
import { parseCapability } from '../../src/core/config/capability.js';
import { ConfigValueError } from '../../src/core/config/errors.js';

const at = { file: 'run.toml', line: 3, col: 17 };

describe('parseCapability', () => {
  it('case 4: upstream capability strings (spec §10)', () => {
    expect(parseCapability('net:listen:8080', at)).toEqual({ kind: 'net', action: 'listen', port: 8080, text: 'net:listen:8080' });
    expect(parseCapability('fs:read:/data/files', at)).toEqual({ kind: 'fs', access: 'read', path: '/data/files', text: 'fs:read:/data/files' });
    expect(parseCapability('env:API_KEY', at)).toEqual({ kind: 'env', variable: 'API_KEY', text: 'env:API_KEY' });
    expect(parseCapability('fs:read:C:/x', at)).toMatchObject({ kind: 'fs', path: 'C:/x' });
  });

  it('reads every documented form', () => {
    for (const simple of ['clock', 'random', 'stdin', 'stdout', 'stderr', 'all'] as const) {
      expect(parseCapability(simple, at)).toEqual({ kind: simple, text: simple });
    }
    expect(parseCapability('env', at)).toEqual({ kind: 'env', variable: '*', text: 'env' });
    expect(parseCapability('env:*', at)).toMatchObject({ variable: '*' });
    expect(parseCapability('fs:write:out/dir', at)).toMatchObject({ kind: 'fs', access: 'write', path: 'out/dir' });
    expect(parseCapability('net:connect:example.com', at)).toEqual({ kind: 'net', action: 'connect', host: 'example.com', text: 'net:connect:example.com' });
    expect(parseCapability('net:connect:*.example.com:443', at)).toMatchObject({ host: '*.example.com', port: 443 });
    expect(parseCapability('net:connect:[::1]:8080', at)).toMatchObject({ host: '::1', port: 8080 });
    expect(parseCapability('net:listen:127.0.0.1:0', at)).toMatchObject({ action: 'listen', host: '127.0.0.1', port: 0 });
  });

  it.each([
    ['stdot', /unknown capability.*did you mean `stdout`/],
    ['fs:exec:/bin', /access must be `read` or `write`/],
    ['fs:read:', /path is empty/],
    ['net:listen:http', /port is required/],
    ['net:connect:', /host is required/],
    ['net:connect:example.com:99999', /port "99999" is not a number from 1 to 65535/],
    ['net:bind:80', /action must be `listen` or `connect`/],
    ['env:', /variable name is empty/],
    ['network', /unknown capability/],
  ])('refuses %j at the given location, listing the valid forms', (text, why) => {
    let err: unknown;
    try {
      parseCapability(text, at);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigValueError);
    const e = err as ConfigValueError;
    expect(e.message).toContain(JSON.stringify(text));
    expect(e.message).toMatch(why);
    expect(e.location).toEqual(at);
    expect(e.hint).toBe(
      'write one of: stdin, stdout, stderr, clock, random, env, env:<VAR>, fs:read:<path>, fs:write:<path>, net:listen:[<host>:]<port>, net:connect:<host>[:<port>], all',
    );
  });
});
