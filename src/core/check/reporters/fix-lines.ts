import type { FixReport } from '../types.js';

/** What --fix did to a file, one line per re-anchored document and per lost sentence. */
export function fixLines(fixed: FixReport): string[] {
  const out: string[] = [];
  for (const d of fixed.documents) {
    const extra = [
      d.lost > 0 ? `${d.lost} lost` : '',
      d.droppedOverrides > 0 ? `${d.droppedOverrides} segmentation overrides dropped` : '',
      d.dissolvedGroups.length > 0 ? `groups dissolved: ${d.dissolvedGroups.join(', ')}` : '',
    ].filter(Boolean);
    const normalized = d.normalized ? `, ${d.normalized} up to line endings, Unicode or whitespace` : '';
    const overrides = d.movedOverrides ? `, ${d.movedOverrides} segmentation overrides moved with their text` : '';
    out.push(`fixed: re-anchored "${d.doc}": ${d.exact} sentences found exactly${normalized}, ${d.fuzzy} with a changed text${overrides}${extra.length > 0 ? `, ${extra.join(', ')}` : ''}`);
  }
  for (const line of fixed.lost) out.push(`lost: ${line}`);
  for (const line of fixed.details ?? []) if (!line.startsWith('lost: ')) out.push(line);
  return out;
}

export function describeCounts(errors: number, warnings: number): string {
  return `${errors} ${errors === 1 ? 'error' : 'errors'} and ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
}
