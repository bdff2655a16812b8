/**
 * Marks follow the text when sentences are split or joined: a mark names a sentence by index,
 * so after a segmentation change it moves to the sentence that now holds the start of the
 * marked text (a split keeps it on the first part, a join on the joined sentence).
 */
import type { Alignment, Span } from '../model/types.js';

/** The index of the sentence whose span holds `offset` (the last one starting at or before it). */
function sentenceAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]![0] <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Where sentence `s` of document `doc` went from `before` to `after` (by the offset its text
 * starts at): the identity when that document's segmentation did not change.
 */
export function sentenceMapper(before: Alignment, after: Alignment): (doc: string, s: number) => number | undefined {
  if (before.documents === after.documents) return (_doc, s) => s;
  const afterDocs = new Map(after.documents.map((d) => [d.id, d]));
  const beforeDocs = new Map(before.documents.map((d) => [d.id, d]));
  return (doc, s) => {
    const old = beforeDocs.get(doc);
    const now = afterDocs.get(doc);
    if (!old || !now) return undefined;
    if (old === now || old.sentences === now.sentences) return s;
    const span = old.sentences[s];
    if (!span) return undefined;
    const i = sentenceAt(now.sentences, span[0]);
    return i >= 0 ? i : undefined;
  };
}

export function remapMarks(marks: ReadonlySet<string>, before: Alignment, after: Alignment): ReadonlySet<string> {
  if (marks.size === 0 || before.documents === after.documents) return marks;
  const map = sentenceMapper(before, after);
  const out = new Set<string>();
  for (const key of marks) {
    const [doc, s] = key.split('\u0000');
    const i = map(doc!, Number(s));
    if (i !== undefined) out.add(`${doc}\u0000${i}`);
  }
  return out;
}
