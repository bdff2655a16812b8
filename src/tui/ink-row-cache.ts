/**
 * A row cache in front of Ink's frame builder. Ink 6.8 builds every frame cell by cell
 * (Output.get): 6,400 cell objects at 160×40, every row re-tokenized and re-serialized, with
 * caches that live for one frame only. That is about 20 ms a frame whatever changed, most of
 * a key press. A frame in which every row is written once, from column 0, with no clipping
 * (every frame the workbench draws) is the join of its rows, and a row depends only on its
 * text and the frame width: each row is built by Ink's own Output, on a one-row frame, and
 * kept. A key press then rebuilds only the rows that changed. Any other frame goes to Ink's
 * code unchanged.
 *
 * This replaces a method of an Ink internal, so it is applied only to the exact code it was
 * written against (Ink 6.8.0's Output.get and Output.write, checked by hash); with any other
 * version the workbench runs on Ink's own code, correct and slower.
 */
import { loadInkOutput } from './ink-output.js';

interface WriteOperation {
  readonly type: 'write';
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly transformers: readonly ((line: string, index: number) => string)[];
}
type Operation = WriteOperation | { readonly type: 'clip' | 'unclip' };

interface OutputInstance {
  readonly width: number;
  readonly height: number;
  readonly operations: readonly Operation[];
  write(x: number, y: number, text: string, options: { transformers: WriteOperation['transformers'] }): void;
  get(): { output: string; height: number };
}
type OutputClass = { new (options: { width: number; height: number }): OutputInstance; prototype: OutputInstance };

/** sha256 of Output.prototype.get and .write in ink 6.8.0 (build/output.js). */
const KNOWN_SOURCE = '861a0bc47740af6d247e246c895281e0ee394c0d3923790aa16456983e05984c';
/** Rows kept: a few screens' worth; a long session must not grow memory. */
const ROW_CACHE_LIMIT = 4096;

export interface RowCacheStats {
  /** Frames built from rows, and frames left to Ink's own code (other shapes). */
  readonly frames: number;
  readonly stockFrames: number;
  readonly rowsBuilt: number;
  readonly rowsReused: number;
}

export interface InkRowCache {
  /** False when Ink's code is not the one this was written against (nothing was changed). */
  readonly installed: boolean;
  /** What the cache did so far (all zero if Ink draws with another copy of Output). */
  stats(): RowCacheStats;
  /** Puts Ink's own frame builder back. */
  uninstall(): void;
}


/** The row each y receives, or undefined when the frame is not one write per row from column 0. */
function rowsOf(output: OutputInstance): (string | undefined)[] | undefined {
  const rows: (string | undefined)[] = new Array<string | undefined>(output.height);
  for (const op of output.operations) {
    if (op.type !== 'write' || op.x !== 0 || op.y < 0 || !Number.isInteger(op.y)) return undefined;
    const lines = op.text.split('\n');
    for (let index = 0; index < lines.length; index++) {
      const y = op.y + index;
      if (y >= output.height) break; // Ink drops lines below the frame too
      if (rows[y] !== undefined) return undefined;
      let line = lines[index]!;
      for (const transformer of op.transformers) line = transformer(line, index);
      rows[y] = line;
    }
  }
  return rows;
}

let active: InkRowCache | undefined;

export async function installInkRowCache(): Promise<InkRowCache> {
  if (active) return active;
  // The Output Ink draws with: node_modules' copy from the sources, the bundled one in dist/.
  const { Output, sourceHash } = await loadInkOutput<OutputClass>();
  const stats = { frames: 0, stockFrames: 0, rowsBuilt: 0, rowsReused: 0 };
  if (sourceHash !== KNOWN_SOURCE) return { installed: false, stats: () => ({ ...stats }), uninstall: () => undefined };
  const inkGet = Output.prototype.get;
  const cache = new Map<string, string>();
  const rowString = (line: string, width: number): string => {
    const key = `${width}\u0000${line}`;
    let row = cache.get(key);
    if (row !== undefined) stats.rowsReused++;
    else {
      stats.rowsBuilt++;
      // Ink's own code on a one-row frame: the row exactly as the full frame would have it.
      const single = new Output({ width, height: 1 });
      single.write(0, 0, line, { transformers: [] });
      row = inkGet.call(single).output;
      if (cache.size >= ROW_CACHE_LIMIT) cache.clear();
      cache.set(key, row);
    }
    return row;
  };
  Output.prototype.get = function getWithRowCache(this: OutputInstance) {
    const rows = rowsOf(this);
    if (!rows) {
      stats.stockFrames++;
      return inkGet.call(this);
    }
    stats.frames++;
    const lines = new Array<string>(this.height);
    for (let y = 0; y < this.height; y++) {
      const line = rows[y];
      lines[y] = line === undefined || line === '' ? '' : rowString(line, this.width);
    }
    return { output: lines.join('\n'), height: this.height };
  };
  active = {
    installed: true,
    stats: () => ({ ...stats }),
    uninstall: () => {
      Output.prototype.get = inkGet;
      cache.clear();
      active = undefined;
    },
  };
  return active;
}
