/**
 * The components the value tests run against, built from the sources in ./fixtures (cached by
 * test/support/fixtures.ts): `echo` (componentize-js, every WIT type echoed back by a JS guest,
 * no WASI imports) and `fixed` (hand-written canonical ABI in WAT).
 */
import { readFileSync } from 'node:fs';
import { jsComponent, watWithWit } from '../support/fixtures.js';

const read = (file: string): string => readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8');

export const ECHO_WIT = read('echo.wit');

export function echoComponent(): Promise<Uint8Array> {
  return jsComponent(read('echo.js'), { wit: ECHO_WIT, world: 'values', disableFeatures: ['stdio', 'random', 'clocks', 'http', 'fetch-event'] });
}

export function fixedComponent(): Promise<Uint8Array> {
  return watWithWit(read('fixed.wat'), read('fixed.wit'), 'fixed');
}
