/**
 * The JS names jco gives WIT names (js-component-bindgen applies heck's lowerCamelCase to kebab-case
 * WIT identifiers): record fields and flags `y-coord` → `yCoord`, functions `do-thing` → `doThing`,
 * plain export names `my-api` → `myApi`. Enum cases and variant tags stay kebab-case strings.
 */

function words(name: string): string[] {
  return name.split('-').filter((w) => w.length > 0);
}

const title = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

export function lowerCamel(name: string): string {
  const ws = words(name);
  return ws.map((w, i) => (i === 0 ? w.toLowerCase() : title(w))).join('');
}

/**
 * The key of an export in the object jco's `instantiate()` returns: interface ids (`ns:pkg/i@v`)
 * as they are, plain names camel-cased.
 */
export function exportKey(worldName: string): string {
  return worldName.includes(':') ? worldName : lowerCamel(worldName);
}
