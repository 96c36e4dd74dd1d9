/**
 * Capability strings of run.toml (`capabilities = ["stdout", "fs:read:data"]`), upstream §6.6.
 * Upstream ignored strings it did not understand; a typo there silently removes a permission, so an
 * unknown form is an error here. `all` is parsed; whether it is allowed is the policy's decision.
 */
import type { Location } from '../errors.js';
import { ConfigValueError } from './errors.js';
import type { Capability } from './model.js';
import { closest } from '../text/suggest.js';

const SIMPLE = ['clock', 'random', 'stdin', 'stdout', 'stderr', 'all'] as const;

export const CAPABILITY_FORMS: readonly string[] = [
  'stdin',
  'stdout',
  'stderr',
  'clock',
  'random',
  'env',
  'env:<VAR>',
  'fs:read:<path>',
  'fs:write:<path>',
  'net:listen:[<host>:]<port>',
  'net:connect:<host>[:<port>]',
  'all',
];

const HINT = `write one of: ${CAPABILITY_FORMS.join(', ')}`;

function fail(text: string, why: string, location: Location): never {
  const near = closest(text, [...SIMPLE, 'env', 'fs:read:', 'fs:write:', 'net:listen:', 'net:connect:']);
  throw new ConfigValueError(`invalid capability ${JSON.stringify(text)}: ${why}${near ? ` (did you mean \`${near}\`?)` : ''}`, {
    location,
    hint: HINT,
  });
}

function port(text: string, min: number, whole: string, location: Location): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) < min || Number(text) > 65535) {
    fail(whole, `port ${JSON.stringify(text)} is not a number from ${min} to 65535`, location);
  }
  return Number(text);
}

/** Splits `host:port`, `[v6]:port`, `host` or `port` (a bare number is a port). */
function hostPort(rest: string): { host?: string; port?: string } {
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(rest);
  if (bracketed) return { host: bracketed[1]!, ...(bracketed[2] !== undefined ? { port: bracketed[2] } : {}) };
  if (/^\d+$/.test(rest)) return { port: rest };
  const colon = rest.lastIndexOf(':');
  if (colon < 0) return { host: rest };
  return { host: rest.slice(0, colon), port: rest.slice(colon + 1) };
}

export function parseCapability(text: string, location: Location): Capability {
  if ((SIMPLE as readonly string[]).includes(text)) return { kind: text as (typeof SIMPLE)[number], text };
  if (text === 'env') return { kind: 'env', variable: '*', text };
  if (text.startsWith('env:')) {
    const variable = text.slice(4);
    if (!variable) fail(text, 'the variable name is empty', location);
    return { kind: 'env', variable, text };
  }
  if (text.startsWith('fs:')) {
    const m = /^fs:(read|write):(.*)$/s.exec(text);
    if (!m) fail(text, 'the access must be `read` or `write`', location);
    // Everything after the access is the path, colons included (`fs:read:C:/x`).
    if (!m[2]) fail(text, 'the path is empty', location);
    return { kind: 'fs', access: m[1] as 'read' | 'write', path: m[2]!, text };
  }
  if (text.startsWith('net:')) {
    const m = /^net:(listen|connect):(.*)$/s.exec(text);
    if (!m) fail(text, 'the action must be `listen` or `connect`', location);
    const action = m[1] as 'listen' | 'connect';
    const hp = hostPort(m[2]!);
    if (action === 'listen' && hp.port === undefined) fail(text, 'a port is required: net:listen:8080', location);
    if (action === 'connect' && !hp.host) fail(text, 'a host is required: net:connect:example.com:443', location);
    return {
      kind: 'net',
      action,
      ...(hp.host ? { host: hp.host } : {}),
      ...(hp.port !== undefined ? { port: port(hp.port, action === 'listen' ? 0 : 1, text, location) } : {}),
      text,
    };
  }
  fail(text, 'unknown capability', location);
}
