// Builds target/wasm/calculator.wasm from src/calculator.js and wit/ with componentize-js.
// (Until `run-action build` covers JavaScript, this is the example's build command.)
import { componentize } from '@bytecodealliance/componentize-js';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'target', 'wasm', 'calculator.wasm');
const { component } = await componentize({
  sourcePath: join(here, 'src', 'calculator.js'),
  witPath: join(here, 'wit'),
  worldName: 'calculator',
});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(`${out}.tmp`, component);
renameSync(`${out}.tmp`, out);
console.log(`built ${out} (${component.length} bytes)`);
