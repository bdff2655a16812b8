/**
 * What re-anchoring did, in words: for `allinea check` (before and after --fix), `export`
 * (warnings) and the workbench (the message shown when it opens a drifted alignment).
 * Sentence texts are clipped and flattened here; neutralising escape sequences is the
 * writer's job (every writer to a terminal does it).
 */
import type { ReanchorReport } from './reanchor.js';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function clip(text: string, max = 50): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Whether re-anchoring lost or changed anything a user must look at (moves with identical text are safe). */
export function isLossy(report: ReanchorReport): boolean {
  return report.lost.length > 0 || report.changed.length > 0 || report.dissolvedGroups.length > 0 || report.lostOverrides.length > 0;
}

/** One line per sentence lost or re-attached to a changed text, per override dropped and per group dissolved. */
export function driftLines(report: ReanchorReport): string[] {
  const out: string[] = [];
  for (const l of report.lost) {
    out.push(`lost: ${l.doc} sentence ${l.sentence}${l.group ? ` (group ${l.group})` : ' (bookmark)'}${l.text !== undefined ? `: ${JSON.stringify(l.text)}` : ': no text was recorded to find it by'}`);
  }
  for (const c of report.changed) {
    const holder = c.groups.length > 0 ? `group ${c.groups.join(', ')}` : 'bookmark';
    out.push(`changed: ${c.doc} sentence ${c.sentence} (${holder}) is now sentence ${c.to}, whose text differs: ${JSON.stringify(c.text)} -> ${JSON.stringify(c.newText)}`);
  }
  for (const o of report.lostOverrides) {
    const why =
      o.reason === 'text-gone'
        ? `the text it cut (${JSON.stringify(o.context ?? '')}) is gone`
        : o.reason === 'not-recorded'
          ? 'the file does not record the text it cut (a version 1 file), so it cannot be moved with it'
          : 'it no longer fits the segmentation';
    out.push(`override dropped: ${o.override.op} at ${o.override.at} in ${o.override.doc}: ${why}`);
  }
  for (const g of report.dissolvedGroups) out.push(`dissolved: group ${g} (left linking fewer than two documents)`);
  return out;
}

/** "find all 14 grouped or bookmarked sentences again (12 exactly, 2 up to line endings, Unicode or whitespace), move 6 segmentation overrides with their text, lose sentence 12 of group g9 ("…") and dissolve group g9" */
export function describeReanchoring(report: ReanchorReport): string {
  const found = report.exact + report.normalized + report.fuzzy;
  const total = found + report.lost.length;
  const how = [`${report.exact} exactly`];
  if (report.normalized > 0) how.push(`${report.normalized} up to line endings, Unicode or whitespace`);
  how.push(`${report.fuzzy} with a changed text`);
  const parts = [
    report.lost.length === 0
      ? `find all ${plural(total, 'grouped or bookmarked sentence')} again (${how.join(', ')})`
      : `find ${found} of ${plural(total, 'grouped or bookmarked sentence')} again (${how.join(', ')})`,
  ];
  if (report.changed.length > 0) {
    const shown = report.changed.slice(0, 3).map((c) => `sentence ${c.sentence}${c.groups.length > 0 ? ` of group ${c.groups.join(', ')}` : ' (a bookmark)'} ("${clip(c.text)}" now reads "${clip(c.newText)}")`);
    parts.push(`re-attach ${shown.join(', ')}${report.changed.length > 3 ? ` and ${report.changed.length - 3} more` : ''}`);
  }
  if (report.lost.length > 0) {
    const shown = report.lost.slice(0, 3).map((l) => `sentence ${l.sentence}${l.group ? ` of group ${l.group}` : ' (a bookmark)'}${l.text !== undefined ? ` ("${clip(l.text)}")` : ''}`);
    parts.push(`lose ${shown.join(', ')}${report.lost.length > 3 ? ` and ${report.lost.length - 3} more` : ''}`);
  }
  if (report.movedOverrides > 0) parts.push(`move ${plural(report.movedOverrides, 'segmentation override')} with their text`);
  if (report.addedOverrides > 0) parts.push(`add ${plural(report.addedOverrides, 'segmentation override')} to keep recorded sentences whole`);
  if (report.lostOverrides.length > 0) {
    const shown = report.lostOverrides.slice(0, 3).map((o) => `${o.override.op} at ${o.override.at}${o.reason === 'text-gone' ? ' (its text is gone)' : o.reason === 'not-recorded' ? ' (its text is not recorded)' : ' (no longer fits)'}`);
    parts.push(`drop ${plural(report.lostOverrides.length, 'segmentation override')}: ${shown.join(', ')}${report.lostOverrides.length > 3 ? ` and ${report.lostOverrides.length - 3} more` : ''}`);
  }
  if (report.dissolvedGroups.length > 0) parts.push(`dissolve ${report.dissolvedGroups.length === 1 ? 'group' : 'groups'} ${report.dissolvedGroups.join(', ')}`);
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** The figures and short lists the workbench's message shows (translated there), summed over documents. */
export function driftSummary(reports: readonly ReanchorReport[]): Record<string, string | number> {
  const sum = (f: (r: ReanchorReport) => number) => reports.reduce((n, r) => n + f(r), 0);
  const list = (items: string[]) => (items.length === 0 ? '' : ` (${items.slice(0, 3).join(', ')}${items.length > 3 ? ', …' : ''})`);
  return {
    docs: reports.map((r) => r.doc).join(', '),
    moved: sum((r) => r.moved),
    changed: sum((r) => r.changed.length),
    changedList: list(reports.flatMap((r) => r.changed.map((c) => `${c.groups[0] ?? c.doc} «${clip(c.newText, 30)}»`))),
    lost: sum((r) => r.lost.length),
    lostList: list(reports.flatMap((r) => r.lost.map((l) => `${l.group ?? l.doc} «${clip(l.text ?? '', 30)}»`))),
    dissolved: sum((r) => r.dissolvedGroups.length),
    dissolvedList: list(reports.flatMap((r) => r.dissolvedGroups)),
    overrides: sum((r) => r.movedOverrides + r.addedOverrides),
    dropped: sum((r) => r.lostOverrides.length),
  };
}
