/**
 * Ink's Output class (the frame builder ink-row-cache.ts patches): the very copy Ink draws with.
 *
 * From the sources, Ink is node_modules' ink and Output is build/output.js next to its entry
 * (Ink's package exports only the entry). The dist/ bundle carries its own copy of Ink, so
 * scripts/build.mjs replaces this module with one that imports the bundled Output and records
 * the hash of Ink's original code, taken at build time (the bundler reprints the code, so
 * hashing the bundled functions would say nothing about which Ink they came from).
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface InkOutputModule<OutputClass> {
  readonly Output: OutputClass;
  /** sha256 of Output.prototype.get and .write as Ink ships them. */
  readonly sourceHash: string;
}

interface HashableOutput {
  readonly prototype: { get: () => unknown; write: (...args: never[]) => unknown };
}

/** The hash ink-row-cache.ts compares with the Ink version it was written against. */
export function outputSourceHash(Output: HashableOutput): string {
  return createHash('sha256').update(`${Output.prototype.get.toString()}\n${Output.prototype.write.toString()}`).digest('hex');
}

export async function loadInkOutput<OutputClass extends HashableOutput>(): Promise<InkOutputModule<OutputClass>> {
  const entry = createRequire(import.meta.url).resolve('ink');
  const module = (await import(pathToFileURL(join(dirname(entry), 'output.js')).href)) as { default: OutputClass };
  return { Output: module.default, sourceHash: outputSourceHash(module.default) };
}
