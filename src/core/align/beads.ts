/**
 * Bead files, the format of Vecalign and Bertalign gold alignments: one bead per line,
 * `[i, j]:[k]` (0-based line numbers of source and target), `[]:[k]` for an unaligned line.
 */

export interface BeadPair {
  readonly source: readonly number[];
  readonly target: readonly number[];
}

const LINE = /^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*$/;

function parseList(s: string): number[] {
  const t = s.trim();
  return t ? t.split(',').map((x) => Number.parseInt(x.trim(), 10)) : [];
}

/** Parses a bead file; throws with the 1-based line number of the first malformed line. */
export function parseBeads(text: string): BeadPair[] {
  const beads: BeadPair[] = [];
  const lines = text.split(/\r?\n/);
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (!line.trim()) continue;
    const m = LINE.exec(line);
    if (!m) throw new Error(`Line ${k + 1} is not a bead like "[0, 1]:[0]": ${JSON.stringify(line.slice(0, 60))}.`);
    const source = parseList(m[1]!);
    const target = parseList(m[2]!);
    if ([...source, ...target].some((x) => !Number.isSafeInteger(x) || x < 0)) {
      throw new Error(`Line ${k + 1} has an invalid sentence number.`);
    }
    beads.push({ source, target });
  }
  return beads;
}

export function formatBeads(beads: readonly BeadPair[]): string {
  return beads.map((b) => `[${b.source.join(', ')}]:[${b.target.join(', ')}]\n`).join('');
}
