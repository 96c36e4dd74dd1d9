/**
 * `<output_dir>/<name>.meta.toml`, upstream's build metadata (§4.6): name, sha256, size, language,
 * exports, imports, built_at — laid out as upstream's `toml::to_string_pretty` writes it — then
 * what we add so a build can be traced: the builder and the toolchain versions. Nothing in it
 * depends on the machine (no paths, no clock: built_at is SOURCE_DATE_EPOCH), so it is as
 * reproducible as the component.
 */

export interface ComponentMeta {
  name: string;
  sha256: string;
  size: number;
  language: string;
  exports: string[];
  imports: string[];
  builtAt: number;
  builder: string;
  toolchain: string[];
}

export const metaPathFor = (wasmPath: string) => wasmPath.replace(/\.wasm$/i, '') + '.meta.toml';

const str = (s: string) => JSON.stringify(s); // TOML basic strings accept JSON's escapes
const array = (items: string[]) => (items.length === 0 ? '[]' : `[\n${items.map((i) => `    ${str(i)},`).join('\n')}\n]`);

export function metaToml(m: ComponentMeta): string {
  return [
    `name = ${str(m.name)}`,
    `sha256 = ${str(m.sha256)}`,
    `size = ${m.size}`,
    `language = ${str(m.language)}`,
    `exports = ${array(m.exports)}`,
    `imports = ${array(m.imports)}`,
    `built_at = ${m.builtAt}`,
    `builder = ${str(m.builder)}`,
    `toolchain = ${array(m.toolchain)}`,
    '',
  ].join('\n');
}
