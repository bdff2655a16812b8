/**
 * Group colours by position: groups get palette slots in the order they first appear reading
 * the documents in order (the first document, then groups not in it from the next, ...), so
 * neighbouring groups never share a colour, while every pane shows a group in the same colour.
 * Computed once per alignment (a walk over the sentence index, linear in the sentences).
 */
import { sentenceGroupIndex } from '../model/index-cache.js';
import type { Alignment } from '../model/types.js';

const slotsCache = new WeakMap<Alignment['groups'], Int32Array>();

/** Palette slot of each group (by its position in `alignment.groups`). */
export function groupSlots(alignment: Alignment, size: number): Int32Array {
  const cached = slotsCache.get(alignment.groups);
  if (cached && cached.length === alignment.groups.length) return cached;
  const slots = new Int32Array(alignment.groups.length).fill(-1);
  const index = sentenceGroupIndex(alignment);
  let rank = 0;
  for (const doc of alignment.documents) {
    const of = index.get(doc.id);
    if (!of) continue;
    for (let i = 0; i < of.length; i++) {
      const g = of[i]!;
      if (g >= 0 && slots[g] === -1) slots[g] = rank++ % size;
    }
  }
  // Groups on no live sentence (rejected ones): after the others.
  for (let g = 0; g < slots.length; g++) if (slots[g] === -1) slots[g] = rank++ % size;
  slotsCache.set(alignment.groups, slots);
  return slots;
}

/** The palette slot of a group by id (undefined if it is not in the alignment). */
export function groupSlotOf(alignment: Alignment, groupId: string, size: number): number | undefined {
  const g = alignment.groups.findIndex((x) => x.id === groupId);
  return g < 0 ? undefined : groupSlots(alignment, size)[g];
}

const positionsCache = new WeakMap<Alignment['groups'], Map<object, number>>();

/** The palette slot of a group object of `alignment.groups`. */
export function slotOfGroup(alignment: Alignment, group: object, size: number): number | undefined {
  let positions = positionsCache.get(alignment.groups);
  if (!positions) {
    positions = new Map(alignment.groups.map((g, i) => [g as object, i]));
    positionsCache.set(alignment.groups, positions);
  }
  const g = positions.get(group);
  return g === undefined ? undefined : groupSlots(alignment, size)[g];
}
