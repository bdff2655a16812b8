/**
 * `allinea eval --gold G --pred P`: strict and lax precision, recall and F1 of a predicted
 * alignment against a gold one, for bead files (`[0, 1]:[0]` lines, as in Vecalign/Bertalign)
 * and for allinea alignment files. Several --gold/--pred pairs pool their counts.
 */
import type { Command } from 'commander';
import { action, type SetExit } from '../program.js';
import type { CliStreams } from '../streams.js';
import type { BeadPair } from '../../core/align/beads.js';
import type { Alignment } from '../../core/model/types.js';

export interface EvalArgs {
  readonly gold: readonly string[];
  readonly pred: readonly string[];
  readonly json?: boolean;
}

export function registerEval(program: Command, streams: CliStreams, setExit: SetExit): void {
  program
    .command('eval')
    .description('Score a predicted alignment against a gold one: strict and lax precision, recall, F1.')
    .requiredOption('-g, --gold <files...>', 'gold alignments: bead files or alignment files')
    .requiredOption('-p, --pred <files...>', 'predicted alignments, in the same order as --gold')
    .option('--json', 'print the scores as JSON')
    .addHelpText(
      'after',
      `
Scoring as in Sennrich & Volk (2010) and Vecalign: a bead's links are the cross product of its
sides; a predicted bead is a strict hit if the same bead is in the gold, a lax hit if it shares a
link with the gold. Precision runs over all predicted beads, recall over gold beads that have
both sides. Several pairs pool their counts. Alignment files count their confirmed and suggested
groups between every two documents; unaligned sentences count as 1-0 beads.
`,
    )
    .action(
      action(streams, setExit, async (o: { gold: string[]; pred: string[]; json?: boolean }) =>
        runEval({ gold: o.gold, pred: o.pred, json: o.json === true }, streams),
      ),
    );
}

export async function runEval(args: EvalArgs, streams: CliStreams): Promise<number> {
  const { UserError } = await import('../errors.js');
  const { scoreAlignments } = await import('../../core/align/bead-scoring.js');
  if (args.gold.length !== args.pred.length) {
    throw new UserError(`Give as many --pred files as --gold files (${args.gold.length} gold, ${args.pred.length} predicted).`);
  }
  const docs: { gold: BeadPair[]; pred: BeadPair[] }[] = [];
  for (let k = 0; k < args.gold.length; k++) {
    const gold = await readBeadSets(args.gold[k]!, streams.cwd, 'gold');
    const pred = await readBeadSets(args.pred[k]!, streams.cwd, 'pred');
    for (const [pair, g] of gold) {
      // One pair on each side (a bead file, or a two-document alignment): compare them directly.
      const p = gold.size === 1 && pred.size === 1 ? [...pred.values()][0] : pred.get(pair);
      if (!p) throw new UserError(`${args.pred[k]} has no alignment between ${pair.replace('\t', ' and ')}, which ${args.gold[k]} has.`);
      docs.push({ gold: g, pred: p });
    }
  }
  const s = scoreAlignments(docs);
  if (args.json) {
    streams.stdout.write(`${JSON.stringify({ strict: s.strict, lax: s.lax, counts: s.counts })}\n`);
  } else {
    const f = (x: number) => x.toFixed(3);
    streams.stdout.write(
      `strict  P ${f(s.strict.precision)}  R ${f(s.strict.recall)}  F1 ${f(s.strict.f1)}\n` +
        `lax     P ${f(s.lax.precision)}  R ${f(s.lax.recall)}  F1 ${f(s.lax.f1)}\n` +
        `(${s.counts.gold} gold beads with both sides, ${s.counts.predicted} predicted beads)\n`,
    );
  }
  return 0;
}

/**
 * Reads a bead file (one set, keyed "source\ttarget") or an alignment file (one set per
 * document pair, in document order).
 */
async function readBeadSets(file: string, cwd: string, role: 'gold' | 'pred'): Promise<Map<string, BeadPair[]>> {
  const { resolve } = await import('node:path');
  const { readTextFile } = await import('../../io/read-text.js');
  const { UserError } = await import('../errors.js');
  const { parseBeads } = await import('../../core/align/beads.js');
  const { shownPath } = await import('../../io/read-text.js');
  const path = resolve(cwd, file);
  const text = readTextFile(path);
  const name = shownPath(file);
  if (text.trim() === '') throw new UserError(`${name} (the ${role === 'gold' ? 'gold' : 'predicted'} file) holds no beads: it is empty.`);
  if (text.trimStart().startsWith('{')) {
    const { readAlignmentFile } = await import('../../io/alignment-file.js');
    const { readSources } = await import('../../io/alignment-sources.js');
    const { alignment } = readAlignmentFile(path);
    // Sentence indices mean something only against the documents: they must be readable and unchanged.
    const sources = readSources(path, alignment);
    const missing = sources.missing[0];
    if (missing) throw new UserError(`${name}: document "${missing.doc}" cannot be read (${missing.reason.replace(/\.$/, '')}), so its sentences cannot be scored.`);
    const drifted = sources.drifted[0];
    if (drifted) throw new UserError(`${name}: document "${drifted.doc}" changed since the alignment was saved; run allinea check --fix on it before scoring.`);
    const beads = alignmentBeads(alignment, role);
    if (beads.size === 0) throw new UserError(`${name} (the ${role === 'gold' ? 'gold' : 'predicted'} file) holds no beads: it aligns fewer than two documents.`);
    return beads;
  }
  let beads: BeadPair[];
  try {
    beads = parseBeads(text);
  } catch (error) {
    throw new UserError(`${name}: ${(error as Error).message}`);
  }
  if (beads.length === 0) throw new UserError(`${name} (the ${role === 'gold' ? 'gold' : 'predicted'} file) holds no beads.`);
  return new Map([['source\ttarget', beads]]);
}

/**
 * Beads of every document pair of an alignment file: each live group (confirmed or
 * suggested; the gold counts only confirmed ones when it has any) projected onto the pair,
 * and each sentence of the pair in no projected group as a 1-0 or 0-1 bead.
 */
export function alignmentBeads(alignment: Alignment, role: 'gold' | 'pred'): Map<string, BeadPair[]> {
  const hasConfirmed = alignment.groups.some((g) => g.status === 'confirmed');
  const groups = alignment.groups.filter((g) =>
    g.status === 'confirmed' || (g.status === 'suggested' && !(role === 'gold' && hasConfirmed)),
  );
  const out = new Map<string, BeadPair[]>();
  const docs = alignment.documents;
  for (let x = 0; x < docs.length; x++) {
    for (let y = x + 1; y < docs.length; y++) {
      const a = docs[x]!;
      const b = docs[y]!;
      const beads: BeadPair[] = [];
      const usedA = new Set<number>();
      const usedB = new Set<number>();
      for (const g of groups) {
        const ma = g.members.find((m) => m.doc === a.id);
        const mb = g.members.find((m) => m.doc === b.id);
        if (!ma || !mb) continue;
        beads.push({ source: [...ma.sentences], target: [...mb.sentences] });
        ma.sentences.forEach((s) => usedA.add(s));
        mb.sentences.forEach((s) => usedB.add(s));
      }
      a.sentences.forEach((_, i) => usedA.has(i) || beads.push({ source: [i], target: [] }));
      b.sentences.forEach((_, j) => usedB.has(j) || beads.push({ source: [], target: [j] }));
      out.set(`${a.id}\t${b.id}`, beads);
    }
  }
  return out;
}
