/**
 * The `{entry}` of a builder: the file(s) or module its tool builds, found by the builder's
 * EntryRule — the source file itself, a package.json field, the first existing candidate, every
 * file with an extension (C), or the compiled output of a lone TypeScript file. Relative to the
 * source root, so command lines stay short and free of the checkout path.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { EntryRule } from './builders.js';
import { BuildSourceError } from './errors.js';
import type { ComponentPlan } from './plan.js';

/** `{entry}`: the file(s) or module the tool builds, per the builder's EntryRule; relative to the root. */
export function resolveEntry(rule: EntryRule | undefined, plan: ComponentPlan, vars: Record<string, string>): string[] {
  if (!rule) throw new Error(`builder ${plan.builder.id} uses {entry} without an entry rule`);
  const rel = (f: string) => path.relative(plan.root, f) || '.';
  const name = (f: string) => (rule.moduleName ? path.basename(f).replace(/\.py$/, '') : rel(f));
  const ext = path.extname(plan.source).toLowerCase();
  if (plan.sourceIsFile && rule.fileExtensions.includes(ext)) return [name(plan.source)];
  if (plan.sourceIsFile && rule.compiledTo === 'work-js' && !existsSync(path.join(plan.root, 'tsconfig.json'))) {
    return [path.join(vars.work!, `${path.basename(plan.source).replace(/\.[cm]?ts$/, '')}.js`)];
  }
  if (rule.all) {
    const files = readdirSync(plan.root).filter((f) => f.endsWith(rule.all!)).sort();
    if (files.length) return files;
  }
  for (const field of rule.packageFields ?? []) {
    const pkg = path.join(plan.root, 'package.json');
    if (!existsSync(pkg)) break;
    const value = (JSON.parse(readFileSync(pkg, 'utf8')) as Record<string, unknown>)[field];
    if (typeof value === 'string' && existsSync(path.join(plan.root, value))) return [name(path.join(plan.root, value))];
  }
  for (const c of rule.candidates ?? []) if (existsSync(path.join(plan.root, c))) return [name(path.join(plan.root, c))];
  const looked = [...(rule.packageFields ?? []).map((f) => `package.json "${f}"`), ...(rule.candidates ?? []), ...(rule.all ? [`*${rule.all}`] : [])];
  throw new BuildSourceError(`component '${plan.component.name}': no ${plan.language} entry found in ${plan.root}`, {
    location: plan.component.location,
    hint: `looked for ${looked.join(', ')}; set \`source\` to the entry file`,
  });
}

