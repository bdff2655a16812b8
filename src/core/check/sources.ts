/**
 * Checks of an alignment against its source texts: documents that cannot be read, texts that
 * changed since the file was written (by hash, or because the sentence texts recorded in the
 * groups no longer match the spans), what re-anchoring would do about it, and segmentation
 * overrides that no longer fit.
 */
import type { SegmentFn } from '../model/create.js';
import { reanchorDocument, type ReanchorReport } from '../model/reanchor.js';
import { describeReanchoring } from '../model/drift-report.js';
import type { Alignment, SegmentationOverride } from '../model/types.js';
import type { JsonPath } from '../model/parse.js';
import type { RawFinding } from './types.js';

export interface SourceState {
  /** The current text of every document that could be read. */
  readonly texts: ReadonlyMap<string, string>;
  /** Documents that could not be read, with the reason (one sentence). */
  readonly missing: readonly { readonly doc: string; readonly path: string; readonly reason: string }[];
  /** The current sha256 of every document whose text no longer has the recorded hash. */
  readonly changed: ReadonlyMap<string, string>;
  /**
   * Changed documents whose text differs only in its line endings (CRLF for LF or back, as
   * git's autocrlf does): the hash would match with the other line endings. They stay changed:
   * sentence offsets count the CR characters, so the recorded spans no longer fit the text.
   */
  readonly lineEndingsOnly?: ReadonlySet<string>;
}

export function missingDocuments(alignment: Alignment, sources: SourceState): RawFinding[] {
  return sources.missing.map((m) => {
    const d = alignment.documents.findIndex((doc) => doc.id === m.doc);
    const stored = alignment.documents[d]?.path ?? m.path;
    const reason = m.reason.replace(/^Cannot read .*?: (?=[^:]+$)/, '').replace(/\.$/, '');
    return { rule: 'document-missing', path: ['documents', d], message: `document "${m.doc}" (${stored}) cannot be read: ${reason}` };
  });
}

export interface TextDrift {
  /** Recorded member and bookmark texts that differ from the source at their spans. */
  readonly mismatches: number;
  /** Where the first one is, and what holds it ("group g3", "bookmark 0"). */
  readonly first: JsonPath;
  readonly where: string;
}

/**
 * For documents whose hash still matches: spans that run past the text (bad-spans), and
 * member texts that no longer match the text at their spans (drift, keyed by document).
 */
export function textDrift(alignment: Alignment, sources: SourceState): { findings: RawFinding[]; drift: Map<string, TextDrift> } {
  const findings: RawFinding[] = [];
  const drift = new Map<string, TextDrift>();
  const usable = new Map<string, { text: string; spans: Alignment['documents'][number]['sentences'] }>();
  alignment.documents.forEach((doc, d) => {
    const text = sources.texts.get(doc.id);
    if (text === undefined || sources.changed.has(doc.id)) return;
    let past = -1;
    for (let s = 0; s < doc.sentences.length && past < 0; s++) if (doc.sentences[s]![1] > text.length) past = s; // a plain loop: 200k spans
    if (past >= 0) {
      findings.push({
        rule: 'bad-spans',
        path: ['documents', d, 'sentences', past],
        message: `sentence ${past} of "${doc.id}" ends at ${doc.sentences[past]![1]}, past the end of its ${text.length}-character text`,
      });
      return;
    }
    usable.set(doc.id, { text, spans: doc.sentences });
  });
  const note = (doc: string, path: JsonPath, where: string) => {
    const seen = drift.get(doc);
    if (seen) drift.set(doc, { ...seen, mismatches: seen.mismatches + 1 });
    else drift.set(doc, { mismatches: 1, first: path, where });
  };
  // This runs for every sentence of every group: plain loops, and slice + === rather than
  // startsWith, which V8 (11.3) compares one character at a time, 3-4 times slower; a slice of
  // a long string is a view (no copy) and === compares its characters in bulk.
  const groups = alignment.groups;
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    for (let m = 0; m < group.members.length; m++) {
      const member = group.members[m]!;
      const source = usable.get(member.doc);
      const recordedTexts = member.texts;
      if (!source || !recordedTexts) continue;
      for (let i = 0; i < recordedTexts.length; i++) {
        const recorded = recordedTexts[i]!;
        const span = source.spans[member.sentences[i] ?? -1];
        if (span && (recorded.length !== span[1] - span[0] || source.text.slice(span[0], span[1]) !== recorded)) note(member.doc, ['groups', g, 'members', m, 'texts', i], `group ${group.id}`);
      }
    }
  }
  alignment.bookmarks.forEach((bookmark, b) => {
    const source = usable.get(bookmark.doc);
    const span = source?.spans[bookmark.sentence];
    if (source && span && bookmark.text !== undefined && source.text.slice(span[0], span[1]) !== bookmark.text) {
      note(bookmark.doc, ['bookmarks', b, 'text'], `bookmark ${b}`);
    }
  });
  return { findings, drift };
}

export interface ReanchorPlan {
  /** The alignment with every listed document re-anchored, in order. */
  readonly alignment: Alignment;
  readonly reports: readonly ReanchorReport[];
}

/** Re-anchors the given documents onto their current text (pure: nothing is written). */
export function planReanchoring(
  alignment: Alignment,
  docs: readonly string[],
  sources: SourceState,
  segment: SegmentFn,
): ReanchorPlan {
  let current = alignment;
  const reports: ReanchorReport[] = [];
  for (const doc of docs) {
    const text = sources.texts.get(doc);
    if (text === undefined) continue;
    const sha = sources.changed.get(doc) ?? alignment.documents.find((d) => d.id === doc)!.sha256;
    const result = reanchorDocument(current, doc, text, sha, segment, alignment);
    current = result.alignment;
    reports.push(result.report);
  }
  return { alignment: current, reports };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export { describeReanchoring };

/**
 * One source-changed finding per drifted document, saying what re-anchoring would do
 * (when a plan is given) and that --fix applies it.
 */
export function sourceChanges(
  alignment: Alignment,
  sources: SourceState,
  drift: ReadonlyMap<string, TextDrift>,
  plan: ReanchorPlan | undefined,
): RawFinding[] {
  const out: RawFinding[] = [];
  alignment.documents.forEach((doc, d) => {
    const byHash = sources.changed.has(doc.id);
    const byTexts = drift.get(doc.id);
    if (!byHash && !byTexts) return;
    const report = plan?.reports.find((r) => r.doc === doc.id);
    const what = report ? `; re-anchoring would ${describeReanchoring(report)} (allinea check --fix applies it)` : '';
    if (byHash) {
      const endings = sources.lineEndingsOnly?.has(doc.id) ? ' (only its line endings, LF to CRLF or back, which the sentence offsets count)' : '';
      out.push({ rule: 'source-changed', path: ['documents', d], message: `the text of document "${doc.id}" (${doc.path}) changed since the file was written${endings}${what}` });
    } else if (byTexts) {
      out.push({
        rule: 'source-changed',
        path: byTexts.first,
        message: `${plural(byTexts.mismatches, 'sentence text')} recorded for document "${doc.id}" no longer ${byTexts.mismatches === 1 ? 'matches' : 'match'} its source (first in ${byTexts.where})${what}`,
      });
    }
  });
  return out;
}

/**
 * Overrides that no longer fit: unknown document, offset past the text, or (for documents
 * whose text is unchanged) a split with no sentence starting at its offset or a join whose
 * boundary is still there. Overrides of re-anchored documents are judged by the plan.
 */
export function overrideMismatches(alignment: Alignment, sources: SourceState, reanchored: ReadonlySet<string>, plan: ReanchorPlan | undefined): RawFinding[] {
  const out: RawFinding[] = [];
  const docs = new Map(alignment.documents.map((d) => [d.id, d]));
  const starts = new Map<string, Set<number>>();
  const dropped = new Set<SegmentationOverride>();
  for (const report of plan?.reports ?? []) for (const o of report.droppedOverrides) dropped.add(o);
  // The last override at an offset decides whether a boundary should be there.
  const last = new Map<string, number>();
  alignment.overrides.forEach((o, i) => last.set(`${o.doc}\u0000${o.at}`, i));
  alignment.overrides.forEach((o, i) => {
    const doc = docs.get(o.doc);
    const what = `override ${i} (${o.op} at ${o.at} in "${o.doc}")`;
    if (!doc) {
      out.push({ rule: 'override-mismatch', path: ['overrides', i], message: `${what} names a document the file does not list` });
      return;
    }
    const text = sources.texts.get(o.doc);
    if (text === undefined) return;
    if (reanchored.has(o.doc)) {
      if (dropped.has(o)) out.push({ rule: 'override-mismatch', path: ['overrides', i], message: `${what} no longer fits the changed text and re-anchoring would drop it` });
      return;
    }
    if (o.at > text.length) {
      out.push({ rule: 'override-mismatch', path: ['overrides', i], message: `${what} lies past the end of the ${text.length}-character text` });
      return;
    }
    if (last.get(`${o.doc}\u0000${o.at}`) !== i) return;
    let set = starts.get(o.doc);
    if (!set) starts.set(o.doc, (set = new Set(doc.sentences.map(([s]) => s))));
    if (o.op === 'split' && !set.has(o.at)) {
      out.push({ rule: 'override-mismatch', path: ['overrides', i], message: `${what} does not fit the segmentation: no sentence starts there` });
    } else if (o.op === 'join' && set.has(o.at)) {
      out.push({ rule: 'override-mismatch', path: ['overrides', i], message: `${what} does not fit the segmentation: a sentence still starts there` });
    }
  });
  return out;
}
