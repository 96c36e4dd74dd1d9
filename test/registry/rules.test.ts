/** The pure rules: when publishing may run, names, versions, requirements, token sources. */
import { describe, expect, it } from 'vitest';
import { resolveToken } from '../../src/core/registry/credentials.js';
import {
  InvalidPackageNameError,
  InvalidRequirementError,
  InvalidVersionError,
  NotOnTagError,
  PublishOnPullRequestError,
  TagVersionMismatchError,
} from '../../src/core/registry/errors.js';
import { artifactFileName, checkVersion, namespaceOf, packageNameFor } from '../../src/core/registry/naming.js';
import { highestSatisfying, toSemverRange } from '../../src/core/registry/requirement.js';
import { checkPublishTrigger } from '../../src/core/registry/trigger.js';

describe('publish trigger', () => {
  const check = (eventName: string | undefined, ref: string | undefined, version = '1.2.0') => () => checkPublishTrigger({ eventName, ref }, version, '/p/run.toml');

  it('runs on refs/tags/v<version> equal to run.toml', () => {
    expect(check('push', 'refs/tags/v1.2.0')()).toBe('v1.2.0');
    expect(check(undefined, 'refs/tags/v1.2.0-rc.1+b5', '1.2.0-rc.1+b5')()).toBe('v1.2.0-rc.1+b5');
  });

  it('names both versions when the tag and run.toml disagree', () => {
    expect(check('push', 'refs/tags/v1.3.0')).toThrow(TagVersionMismatchError);
    expect(check('push', 'refs/tags/v1.3.0')).toThrow('tag v1.3.0 says version 1.3.0 but run.toml says version 1.2.0');
  });

  it('never runs on pull requests, even on a tag ref', () => {
    for (const e of ['pull_request', 'pull_request_target']) expect(check(e, 'refs/tags/v1.2.0')).toThrow(PublishOnPullRequestError);
  });

  it.each([undefined, 'refs/heads/main', 'refs/tags/1.2.0', 'refs/tags/v1.2', 'refs/tags/vlatest', 'refs/tags/release-1.2.0'])('refuses %s', (ref) => {
    expect(check('push', ref)).toThrow(NotOnTagError);
  });
});

describe('names and versions', () => {
  it('follows upstream: <project>:<component>, one colon, semver but not latest/dev/stable', () => {
    expect(packageNameFor('acme', 'calc')).toBe('acme:calc');
    expect(namespaceOf('run:example/hello')).toBe('run');
    for (const bad of ['calc', 'a:b:c', ':calc', 'acme:']) expect(() => namespaceOf(bad)).toThrow(InvalidPackageNameError);
    for (const ok of ['1.0.0', '1.0.0-rc.1', '1.0.0+meta']) expect(checkVersion(ok)).toBe(ok);
    for (const bad of ['latest', 'dev', 'stable', '1.0', 'v1.0.0', ' 1.0.0', '01.0.0']) expect(() => checkVersion(bad)).toThrow(InvalidVersionError);
    expect(artifactFileName('acme:calc', '1.0.0')).toBe('acme__calc@1.0.0.wasm');
    expect(artifactFileName('run:example/hello', '0.1.0')).toBe('run__example_hello@0.1.0.wasm');
  });
});

describe('requirements are Cargo-style, like upstream', () => {
  const versions = ['0.9.0', '1.0.0', '1.2.0', '1.10.0', '2.0.0', '2.1.0-rc.1'];
  it.each([
    ['1.0.0', '1.10.0'], // bare = caret
    ['=1.0.0', '1.0.0'],
    ['^1.2', '1.10.0'],
    ['~1.2', '1.2.0'],
    ['>=1.0, <1.5', '1.2.0'],
    ['*', '2.0.0'],
    ['1.*', '1.10.0'],
    ['0.9', '0.9.0'],
    ['^2.1.0-rc.1', '2.1.0-rc.1'],
  ])('%s selects %s', (req, want) => {
    expect(highestSatisfying(versions, req)).toBe(want);
  });

  it('refuses what Cargo refuses', () => {
    for (const bad of ['', '1.0 || 2.0', '1.0 - 2.0', 'one', '>=1.0,']) expect(() => toSemverRange(bad)).toThrow(InvalidRequirementError);
  });
});

describe('token sources', () => {
  it('prefers the flag/input, then RUN_AUTH_TOKEN, then run.toml', () => {
    expect(resolveToken({ explicit: 'a', env: { RUN_AUTH_TOKEN: 'b' }, config: 'c' })).toEqual({ token: 'a', from: 'explicit' });
    expect(resolveToken({ env: { RUN_AUTH_TOKEN: 'b' }, config: 'c' })).toEqual({ token: 'b', from: 'RUN_AUTH_TOKEN' });
    expect(resolveToken({ env: { RUN_REGISTRY_TOKEN: 'x' }, config: 'c' })).toEqual({ token: 'c', from: 'run.toml' });
    expect(resolveToken({ env: {} })).toBeUndefined();
  });
});
