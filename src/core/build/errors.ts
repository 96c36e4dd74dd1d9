/** Failure kinds of `build`, each with the place it is about and a hint saying what to do. */
import { RunActionError } from '../errors.js';

/** No builder can be chosen: unknown markers, a source that does not exist, a missing entry file. */
export class BuildSourceError extends RunActionError {}

/** A component needs WIT (Python, JavaScript, TypeScript, typed exports) and none is found or it is wrong. */
export class BuildWitError extends RunActionError {}

/** A toolchain the builder needs is not installed (the hint names the run.lock.toml entry). */
export class ToolNotFoundError extends RunActionError {}

/** A toolchain ran and failed: the message carries its own output and the command line. */
export class ToolFailedError extends RunActionError {}

/** The output is not a valid component, or does not export what its WIT world declares. */
export class InvalidComponentError extends RunActionError {}

/** `dependencies`/`imports` between components form a cycle, or `--component` names none. */
export class BuildPlanError extends RunActionError {}
