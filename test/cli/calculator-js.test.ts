/**
 * The JavaScript calculator (componentize-js, StarlingMonkey) through the CLI under the default
 * strict policy: StarlingMonkey reads the monotonic clock on every call, which strict answers
 * virtually without a violation; results and output are byte-identical run after run.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsComponent } from '../support/fixtures.js';
import { repoRoot, runCli } from '../support/cli.js';

const example = join(repoRoot, 'examples', 'calculator-js');
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'calculator-js-'));
  cpSync(example, dir, { recursive: true, filter: (s) => !/[\\/](target|\.run)$/.test(s) });
  const wasm = await jsComponent(readFileSync(join(example, 'src', 'calculator.js'), 'utf8'), {
    wit: readFileSync(join(example, 'wit', 'calculator.wit'), 'utf8'),
    world: 'calculator',
  });
  mkdirSync(join(dir, 'target', 'wasm'), { recursive: true });
  writeFileSync(join(dir, 'target', 'wasm', 'calculator.wasm'), wasm);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('calculator-js', () => {
  it("exec --call 'add(3, 4)' prints 7", () => {
    const r = runCli(['exec', '-C', dir, 'calculator', '--call', 'add(3, 4)']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('7\n');
    expect(r.status).toBe(0);
  });

  it('greets with a WAVE string', () => {
    expect(runCli(['exec', '-C', dir, 'calculator', '--call', 'greet("WASI")']).stdout).toBe('"Hello, WASI!"\n');
  });

  it('passes its tests under the default policy', () => {
    const r = runCli(['test', '-C', dir]);
    expect(r.stdout).toBe('PASS add\nPASS add_wraps\nPASS greet\n\n3 passed, 0 failed\n');
    expect(r.status).toBe(0);
  });

  it('exec --json is byte-identical over 5 runs and never shows the host environment', () => {
    const outputs = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const r = runCli(['exec', '-C', dir, 'calculator', '--function', 'greet', '--args', '"you"', '--json'], {
        env: { SECRET_TOKEN: `s3cr3t-${i}-do-not-leak` },
      });
      expect(r.status).toBe(0);
      expect(r.stdout + r.stderr).not.toContain('do-not-leak');
      outputs.add(r.stdout);
    }
    expect([...outputs]).toEqual(['{"exit_code":0,"return_value":"Hello, you!","stderr":"","stdout":""}\n']);
  });
});
