/**
 * The failures of linking components (at run time or into one composed file). Each names both
 * sides: the component that imports and the one that should provide.
 */
import { RunActionError } from '../errors.js';

/** A non-WASI import that no link satisfies and nothing else can. */
export class UnsatisfiedImportError extends RunActionError {}

/** `imports = { "<iface>" = "<c>" }` names an interface the component does not import. */
export class UnknownLinkError extends RunActionError {}

/** The providing component does not export the interface it is linked for. */
export class ProviderExportMissingError extends RunActionError {}

/** The provider's interface differs from what the consumer imports (functions or types). */
export class LinkTypeMismatchError extends RunActionError {}

/** Several `dependencies` export the interface: the link must be declared in `imports`. */
export class AmbiguousLinkError extends RunActionError {}

/** Components that (transitively) import from each other. */
export class LinkCycleError extends RunActionError {}

/** A provider that has not been built (or cannot be read), named with the component that needs it. */
export class ProviderNotBuiltError extends RunActionError {}

/** Two components import one interface with declarations that cannot be merged into one import. */
export class ImportConflictError extends RunActionError {}

/** A construct the binary composer does not handle (imported core modules, body-defined types). */
export class ComposeUnsupportedError extends RunActionError {}
