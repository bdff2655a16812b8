/**
 * The row view at scale: three documents of 20,000 and 100,000 sentences (and twice that, to
 * show the growth), translation-like (1:1 beads with 2:1 and 1:0 ones) and comparable-like
 * (groups that cross). Prints the projection time, the row view's key press (reducer plus the
 * view model of the frame) for a cursor move, confirm-and-next and a shift, and the ratio at
 * twice the size. Figures only; nothing passes or fails on time.
 */
import { cpus, loadavg } from 'node:os';
import { createEditorState, reduce } from '../src/core/session/reducer.js';
import { projectRows } from '../src/core/session/rows.js';
import { rowsFrame } from '../src/core/session/rows-state.js';
import { layoutOf } from '../src/core/session/selectors.js';
import type { EditorState } from '../src/core/session/types.js';
import type { Alignment, Group, Span } from '../src/core/model/types.js';
import { syntheticDocument } from './workbench.bench.js';

const WORDS = 'the of alignment corpus sentence Anonymous liberté guerra attentato Paris Nice hacker réseau notizia group video message justice citizens monde 129 #OpParis'.split(' ');

/** The workbench bench's synthetic documents, with numbers and a hashtag among the words (for the quality warnings). */
function document(n: number, seed: number): { text: string; sentences: Span[] } {
  return syntheticDocument(n, seed, WORDS, 30);
}

/** Three documents of about `n` sentences: beads 1:1:1 mostly, some 2:1:1 and 1:0:1; or crossing groups. */
function shape(n: number, kind: 'translation' | 'comparable'): { alignment: Alignment; texts: Map<string, string> } {
  const ids = ['it-a', 'fr-b', 'en-c'];
  const docs = ids.map((id, k) => ({ id, ...document(n, k + 7) }));
  const groups: Group[] = [];
  if (kind === 'translation') {
    const at = [0, 0, 0];
    let g = 0;
    while (at.every((a) => a < n - 2)) {
      const take = g % 17 === 0 ? [1, 0, 1] : g % 23 === 0 ? [2, 1, 1] : [1, 1, 1];
      const members = ids.map((doc, d) => ({ doc, sentences: Array.from({ length: take[d]! }, (_, k) => at[d]! + k) })).filter((m) => m.sentences.length > 0);
      take.forEach((t, d) => (at[d]! += t));
      const suggested = g % 3 !== 0;
      groups.push({ id: `g${++g}`, status: suggested ? 'suggested' : 'confirmed', origin: 'auto', ...(suggested ? { score: 0.6 } : {}), members });
    }
  } else {
    // A third of the sentences linked pairwise at scattered places.
    let x = 11;
    const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    const used = ids.map(() => new Set<number>());
    for (let g = 0; g < n / 3; g++) {
      const i = Math.floor(next() * n);
      const j = Math.min(n - 1, Math.max(0, i + Math.floor((next() - 0.5) * 200)));
      if (used[0]!.has(i) || used[1]!.has(j)) continue;
      used[0]!.add(i);
      used[1]!.add(j);
      groups.push({ id: `g${g + 1}`, status: 'suggested', origin: 'auto', score: 0.4, members: [{ doc: ids[0]!, sentences: [i] }, { doc: ids[1]!, sentences: [j] }] });
    }
  }
  return {
    alignment: {
      format: 'allinea-alignment',
      version: 1,
      documents: docs.map((d) => ({ id: d.id, path: `${d.id}.txt`, lang: d.id.slice(0, 2), sha256: '0'.repeat(64), sentences: d.sentences })),
      groups,
      overrides: [],
      bookmarks: [],
    },
    texts: new Map(docs.map((d) => [d.id, d.text])),
  };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** Median and p95 of a key press: the reducer, then the frame's view model. */
function keyTimes(state: EditorState, key: string, times: number, between?: string): { median: number; p95: number; state: EditorState } {
  const out: number[] = [];
  let s = state;
  for (let k = 0; k < times; k++) {
    const t0 = performance.now();
    s = reduce(s, { type: 'key', name: key, text: key });
    rowsFrame(s, layoutOf(s));
    out.push(performance.now() - t0);
    if (between) s = reduce(s, { type: 'key', name: between, text: between });
  }
  return { median: quantile(out, 0.5), p95: quantile(out, 0.95), state: s };
}

function measure(n: number, kind: 'translation' | 'comparable'): Record<string, number> {
  const { alignment, texts } = shape(n, kind);
  const docs = [0, 1, 2];
  const fresh = () => ({ ...alignment });
  const projection: Record<string, number> = {};
  for (const order of ['all', 'lead'] as const) {
    const runs: number[] = [];
    for (let k = 0; k < 5; k++) {
      const a = fresh();
      const t0 = performance.now();
      projectRows(a, { docs, lead: 0, order });
      runs.push(performance.now() - t0);
    }
    projection[order] = quantile(runs, 0.5);
  }
  let state = createEditorState({ alignment, texts, fileName: 'bench.align.json', size: { columns: 160, rows: 40 }, colors: true });
  const t0 = performance.now();
  state = reduce(state, { type: 'key', name: 'R', text: 'R' });
  rowsFrame(state, layoutOf(state));
  const enter = performance.now() - t0;
  const move = keyTimes(state, 'j', 60);
  const confirm = keyTimes(move.state, 'enter', 20);
  const shift = keyTimes(confirm.state, 'J', 10, 'j');
  return { rows: projectRows(state.history.present, { docs, lead: 0, order: 'all' }).length, all: projection.all!, lead: projection.lead!, enter, moveMedian: move.median, moveP95: move.p95, confirmMedian: confirm.median, confirmP95: confirm.p95, shiftMedian: shift.median, shiftP95: shift.p95 };
}

export default async function run(): Promise<void> {
  console.log(`row view (ms; key press = reducer + view model of the frame, 160×40); load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  for (const kind of ['translation', 'comparable'] as const) {
    for (const base of [20_000, 100_000]) {
      const one = measure(base, kind);
      const two = measure(base * 2, kind);
      const f = (x: number) => x.toFixed(1);
      const ratio = (key: string) => (two[key]! / Math.max(0.01, one[key]!)).toFixed(2);
      console.log(
        `${kind.padEnd(11)} 3 × ${String(base).padStart(7)}: ${one.rows} rows; projection all ${f(one.all!)} lead ${f(one.lead!)}; open view ${f(one.enter!)}; ` +
          `j median ${f(one.moveMedian!)} p95 ${f(one.moveP95!)}; confirm+next median ${f(one.confirmMedian!)} p95 ${f(one.confirmP95!)}; shift median ${f(one.shiftMedian!)} p95 ${f(one.shiftP95!)}`,
      );
      console.log(`${' '.repeat(11)} at 2×: projection all ×${ratio('all')} lead ×${ratio('lead')}; j ×${ratio('moveMedian')}; confirm+next ×${ratio('confirmMedian')}; shift ×${ratio('shiftMedian')}`);
    }
  }
}
