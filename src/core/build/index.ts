/** The build stage's public API: build the components of a project, reproducibly. */
export { buildProject, type BuildOptions, type BuildResult } from './build-project.js';
export type { BuiltComponent } from './build-component.js';
export { metaPathFor } from './meta.js';
export { ADAPTER_URLS, preview1Adapter, type AdapterKind } from './adapters.js';
export { BuildPlanError, BuildSourceError, BuildWitError, InvalidComponentError, ToolFailedError, ToolNotFoundError } from './errors.js';
