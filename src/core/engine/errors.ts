/**
 * Errors the engine raises before any guest code runs (unreadable file, not a component, limits that
 * cannot be met). Failures of a running call are not errors: they are CallOutcome classes.
 * Malformed binaries are reported as WasmFormatError (src/core/wasm/cursor.ts).
 */
import { RunActionError } from '../errors.js';

/** A core module needs more memory at start-up than the memory limit allows. */
export class MemoryLimitError extends RunActionError {}

/** jco-transpile rejected the component (invalid component, unsupported feature). */
export class TranspileError extends RunActionError {}

/** The component file could not be read, or holds a core module instead of a component. */
export class ComponentReadError extends RunActionError {}
