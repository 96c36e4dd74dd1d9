/**
 * Failure kinds of reading run.toml and run.lock.toml. All carry the file, and a line and column
 * when the problem sits at a place in the text, plus a hint saying what to write instead.
 */
import { RunActionError } from '../errors.js';

/** run.toml (or another config file that must exist) is not there. */
export class ConfigNotFoundError extends RunActionError {}

/** The file exists but could not be read (permissions, a directory, …). */
export class ConfigReadError extends RunActionError {}

/** The text is not valid TOML (position from smol-toml). */
export class ConfigSyntaxError extends RunActionError {}

/** A key holds a value of the wrong TOML type (a number where a string belongs, …). */
export class ConfigTypeError extends RunActionError {}

/** A required key or section is absent. */
export class ConfigMissingKeyError extends RunActionError {}

/** A value of the right type that is still wrong: unknown names, bad versions, duplicates, bad units. */
export class ConfigValueError extends RunActionError {}
