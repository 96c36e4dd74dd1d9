/** `run-action build` on the command line: upstream's stdout lines, flags, usage errors. */
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { buildCommand } from '../../src/cli/commands/build.js';
import { captureLogger, copyExample } from './helpers.js';

async function run(dir: string, argv: string[]) {
  const out: string[] = [];
  const logger = captureLogger();
  const code = await buildCommand.run(parseArgs(argv, buildCommand.flags, buildCommand.usage), { cwd: dir, logger, out: (l) => out.push(l), env: process.env });
  return { code, out, log: logger.text() };
}

describe('run-action build', () => {
  it("prints upstream's lines on stdout and the build log on the logger", async () => {
    const dir = copyExample('hello-wat');
    const r = await run(dir, ['--reproducible']);
    expect(r).toMatchObject({ code: 0, out: ['Building 1 components...', '[hello] built: target/wasm/hello.wasm', '', 'Build complete'] });
    expect(r.log).toContain('▸ build hello (wat)');
  });

  it('builds only --component, and refuses a bad --jobs', async () => {
    const dir = copyExample('hello-wat');
    expect((await run(dir, ['--component', 'hello', '-j', '1'])).out[1]).toBe('[hello] built: target/wasm/hello.wasm');
    await expect(run(dir, ['--jobs', 'many'])).rejects.toThrow('--jobs needs a positive whole number, not "many"');
  });
});
