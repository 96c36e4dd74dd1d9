/**
 * The engine's public API: open a component once, then call its functions (or run it as a
 * command), each call in a fresh, isolated, limited instance (with the components it is linked to,
 * when it imports from them). Values in and out are jco's JS values; converting typed values is
 * the caller's job (src/core/values).
 */
export { openComponent, ComponentSession, DEFAULT_LIMITS, type OpenOptions, type ProviderOptions, type CallRequest, type RunRequest } from './runner.js';
export type { ComponentLink, JcoPath } from './protocol.js';
export { transpileCached, type TranspiledComponent } from './transpile-cache.js';
export { MemoryLimitError, TranspileError, ComponentReadError } from './errors.js';
export type { CallOutcome, OutcomeClass, HostConfig, Grants, LedgerEntry, Limits } from './types.js';
