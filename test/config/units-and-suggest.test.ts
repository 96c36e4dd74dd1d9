import { describe, expect, it } from 'vitest';
import { closest } from '../../src/core/text/suggest.js';
import { parseByteSize, parseDuration } from '../../src/core/config/units.js';

describe('parseByteSize', () => {
  it.each([
    ['512B', 512],
    ['64KiB', 65536],
    ['256MiB', 256 * 1024 ** 2],
    ['256 mib', 256 * 1024 ** 2],
    ['1GiB', 1024 ** 3],
    ['1.5KiB', 1536],
  ])('%j → %d', (text, bytes) => expect(parseByteSize(text)).toBe(bytes));

  it.each(['256MB', '256', 'MiB', '-1MiB', '1.3B', '', '1e3MiB'])('refuses %j', (text) => expect(parseByteSize(text)).toBeUndefined());
});

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['1.5s', 1500],
    ['2m', 120_000],
    ['1h', 3_600_000],
  ])('%j → %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['30', '0.5ms', 's', '10 sec', '1d'])('refuses %j', (text) => expect(parseDuration(text)).toBeUndefined());
});

describe('closest', () => {
  const sections = ['project', 'components', 'tests', 'dependencies', 'dev-dependencies', 'build', 'registry'];
  it('suggests near misses, including swapped letters', () => {
    expect(closest('componets', sections)).toBe('components');
    expect(closest('dependancies', sections)).toBe('dependencies');
    expect(closest('porject', sections)).toBe('project');
    expect(closest('Build', sections)).toBe('build');
  });
  it('stays silent when nothing is close', () => {
    expect(closest('bridge', sections)).toBeUndefined();
    expect(closest('env', sections)).toBeUndefined();
  });
});
