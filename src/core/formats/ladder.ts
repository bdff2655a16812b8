/**
 * hunalign's ladder output (its default, without -text): one rung per line,
 * `i<TAB>j<TAB>score`, meaning source sentence i and target sentence j (0-based) start a
 * bead together. The bead runs up to the next rung, and the last rung (usually the end of
 * both texts) only closes the one before it. The score is hunalign's confidence for the
 * bead that starts at the rung; it is not on allinea's 0-1 scale, so it is not kept.
 */
import { AllineaError } from '../errors.js';
import { sanitizeForTerminal } from '../display/sanitize.js';
import type { Bead } from './types.js';

export function parseLadder(text: string): Bead[] {
  const rungs: { i: number; j: number; score?: number }[] = [];
  text.split(/\r?\n/).forEach((raw, n) => {
    const line = raw.trim();
    if (line === '') return;
    const fields = line.split(/\s+/);
    const i = Number(fields[0]);
    const j = Number(fields[1]);
    if (fields.length < 2 || fields.length > 3 || !Number.isInteger(i) || !Number.isInteger(j) || i < 0 || j < 0) {
      throw new AllineaError(`Line ${n + 1} of the ladder file is not a rung like "12<TAB>10<TAB>0.5": "${sanitizeForTerminal(line.slice(0, 40))}".`);
    }
    const previous = rungs[rungs.length - 1];
    if (previous && (i < previous.i || j < previous.j)) {
      throw new AllineaError(`Line ${n + 1} of the ladder file goes backwards (${i}, ${j} after ${previous.i}, ${previous.j}).`);
    }
    const score = fields[2] !== undefined ? Number(fields[2]) : undefined;
    rungs.push({ i, j, ...(score !== undefined && Number.isFinite(score) ? { score } : {}) });
  });
  if (rungs.length < 2) throw new AllineaError('The ladder file needs at least two rungs.');
  const beads: Bead[] = [];
  for (let k = 0; k + 1 < rungs.length; k++) {
    const a = rungs[k]!;
    const b = rungs[k + 1]!;
    if (a.i === b.i && a.j === b.j) continue;
    const range = (from: number, to: number) => Array.from({ length: to - from }, (_, x) => from + x);
    beads.push({ source: range(a.i, b.i), target: range(a.j, b.j), ...(a.score !== undefined ? { figure: a.score } : {}) });
  }
  return beads;
}
