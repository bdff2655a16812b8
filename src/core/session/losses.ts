/**
 * What an edit would take away from reviewed work: sentences taken out of a confirmed group,
 * confirmed groups dissolved, notes dropped. The reducer asks before applying an edit that
 * loses any of these (issue: no silent loss). Merging two groups loses nothing: the members
 * and the notes move together into the merged group.
 */
import type { Alignment, Group } from '../model/types.js';
import { sentenceMapper } from './marks.js';

export type Loss =
  | { readonly kind: 'take-out'; readonly group: string; readonly count: number }
  | { readonly kind: 'dissolve'; readonly group: string }
  | { readonly kind: 'drop-note'; readonly group: string; readonly note: string };

function sentenceKeys(group: Group, map: (doc: string, s: number) => number | undefined = (_d, s) => s): string[] {
  const keys: string[] = [];
  for (const m of group.members) for (const s of m.sentences) keys.push(`${m.doc}\u0000${map(m.doc, s) ?? -1}`);
  return keys;
}

/** The losses from `before` to `after`, confirmed groups and notes only; cost grows with the groups that changed. */
export function lossesOf(before: Alignment, after: Alignment): Loss[] {
  if (before === after || before.groups === after.groups) return [];
  // Groups kept as the same object lose nothing: only the others are looked at.
  const kept = new Set(after.groups);
  const changed = before.groups.filter((g) => !kept.has(g) && (g.status === 'confirmed' || (g.note !== undefined && g.note !== '')));
  if (changed.length === 0) return [];
  const afterById = new Map<string, Group>();
  const ownerOf = new Map<string, Group>();
  const beforeSet = new Set(before.groups);
  for (const g of after.groups) {
    afterById.set(g.id, g);
    // A group that did not change holds the same sentences as before, none moved into it.
    if (beforeSet.has(g)) continue;
    for (const key of sentenceKeys(g)) ownerOf.set(key, g);
  }
  // Sentences of `before` named as in `after` (a split or join renumbers the later ones).
  const map = sentenceMapper(before, after);
  const losses: Loss[] = [];
  for (const g of changed) {
    const same = afterById.get(g.id);
    const keys = sentenceKeys(g, map);
    if (same) {
      if (g.status === 'confirmed') {
        const now = new Set(sentenceKeys(same));
        const out = keys.filter((k) => !now.has(k)).length;
        if (out > 0) losses.push({ kind: 'take-out', group: g.id, count: out });
      }
      if (g.note && !(same.note ?? '').includes(g.note)) losses.push({ kind: 'drop-note', group: g.id, note: g.note });
      continue;
    }
    // Gone: absorbed whole into one new group (a merge), or dissolved.
    const owners = new Set(keys.map((k) => ownerOf.get(k)));
    const into = owners.size === 1 ? [...owners][0] : undefined;
    if (!into) {
      if (g.status === 'confirmed') losses.push({ kind: 'dissolve', group: g.id });
      if (g.note) losses.push({ kind: 'drop-note', group: g.id, note: g.note });
    } else if (g.note && !(into.note ?? '').includes(g.note)) {
      losses.push({ kind: 'drop-note', group: g.id, note: g.note });
    }
  }
  return losses;
}
