/**
 * Checks one alignment file: syntax and schema, the model's invariants, the sources, then the
 * quality of the live groups; with `fix`, re-anchors drifted documents and has the host write
 * the result. Pure: reading sources, loading the segmenter and writing go through `host`.
 */
import type { SegmentFn } from '../model/create.js';
import type { FileProblem, JsonPath, Position } from '../model/parse.js';
import { parseAlignment, parseAlignmentExplained } from '../model/parse.js';
import type { Alignment } from '../model/types.js';
import { driftLines } from '../model/drift-report.js';
import type { ResolvedRules } from './config.js';
import { checkQuality, type MemberTextFn } from './quality.js';
import { missingDocuments, overrideMismatches, planReanchoring, sourceChanges, textDrift, type ReanchorPlan, type SourceState } from './sources.js';
import { sortFindings, type FileResult, type Finding, type FixReport, type RawFinding } from './types.js';

export interface CheckHost {
  /** Reads the documents an alignment names (paths are relative to the alignment file). */
  readSources(alignment: Alignment): SourceState;
  /** The segmenter, loaded only when a source changed (it is the slowest module to load). */
  loadSegmenter(): Promise<SegmentFn>;
  /** Writes the re-anchored alignment over the file (atomically) and returns the new file text. */
  writeAlignment(alignment: Alignment, texts: ReadonlyMap<string, string>): Promise<string>;
}

export interface CheckFileInput {
  /** The file as shown in reports. */
  readonly file: string;
  readonly text: string;
  readonly rules: ResolvedRules;
  readonly fix?: boolean;
  readonly host: CheckHost;
}

/** The loader's rule names that the checker reports under another id. */
const RULE_ALIASES: Readonly<Record<string, string>> = { 'invalid-json': 'parse-error' };

function place(rules: ResolvedRules, raw: RawFinding, locate: (path: JsonPath) => Position): Finding | undefined {
  const level = rules.get(raw.rule)?.level ?? 'error';
  if (level === 'off') return undefined;
  return { rule: raw.rule, severity: level, ...locate(raw.path), path: raw.path, message: raw.message };
}

function fromProblem(problem: FileProblem): RawFinding {
  return { rule: RULE_ALIASES[problem.rule] ?? problem.rule, path: problem.path, message: problem.message };
}

function isOn(rules: ResolvedRules, id: string): boolean {
  return (rules.get(id)?.level ?? 'off') !== 'off';
}

export async function checkFile(input: CheckFileInput): Promise<FileResult> {
  const { rules, host } = input;
  const parsed = await parseAlignmentExplained(input.text);
  const findings: Finding[] = [];
  const add = (raw: RawFinding) => {
    const finding = place(rules, raw, parsed.locate);
    if (finding) findings.push(finding);
  };
  if (!parsed.ok) {
    for (const problem of parsed.problems) {
      const raw = fromProblem(problem);
      findings.push({ rule: raw.rule, severity: 'error', line: problem.line, column: problem.column, path: raw.path, message: raw.message });
    }
    return { file: input.file, findings: sortFindings(findings) };
  }
  const alignment = parsed.alignment;
  for (const problem of parsed.problems) add(fromProblem(problem));

  const sources = host.readSources(alignment);
  if (isOn(rules, 'document-missing')) missingDocuments(alignment, sources).forEach(add);
  const { findings: spanFindings, drift } = textDrift(alignment, sources);
  spanFindings.forEach(add);

  const toReanchor = alignment.documents
    .map((d) => d.id)
    .filter((id) => sources.texts.has(id) && (sources.changed.has(id) || drift.has(id)));
  let plan: ReanchorPlan | undefined;
  if (toReanchor.length > 0 && (input.fix || isOn(rules, 'source-changed') || isOn(rules, 'override-mismatch'))) {
    plan = planReanchoring(alignment, toReanchor, sources, await host.loadSegmenter());
  }

  // Re-anchoring reads the file's structure (which document is which, which sentences a
  // member holds): on a broken structure it would move or dissolve the wrong groups.
  const structural = input.fix && plan ? parsed.problems.filter((p) => p.rule !== 'score-out-of-range') : [];
  if (input.fix && plan && structural.length === 0) return applyFix(input, plan, sources);
  if (structural.length > 0) {
    // One entry per rule: "unknown-document (8, first at 48:86)".
    const byRule = new Map<string, FileProblem[]>();
    for (const p of structural) byRule.set(p.rule, [...(byRule.get(p.rule) ?? []), p]);
    const shown = [...byRule].map(([rule, list]) => `${rule} (${list.length === 1 ? `at ${list[0]!.line}:${list[0]!.column}` : `${list.length}, first at ${list[0]!.line}:${list[0]!.column}`})`);
    const more = '';
    findings.push({
      rule: 'source-changed',
      severity: 'error',
      line: 1,
      column: 1,
      path: [],
      message: `--fix did not change the file: its structure is invalid, and re-anchoring it would move or dissolve the wrong groups; fix ${structural.length === 1 ? 'this error' : `these ${structural.length} errors`} first (listed here), then run --fix again: ${shown.join(', ')}${more}`,
    });
  }

  if (isOn(rules, 'source-changed')) sourceChanges(alignment, sources, drift, plan).forEach(add);
  const reanchored = new Set(toReanchor);
  if (isOn(rules, 'override-mismatch')) overrideMismatches(alignment, sources, reanchored, plan).forEach(add);

  const trusted = new Map<string, { text: string; spans: Alignment['documents'][number]['sentences'] }>();
  for (const doc of alignment.documents) {
    const text = sources.texts.get(doc.id);
    if (text !== undefined && !reanchored.has(doc.id)) trusted.set(doc.id, { text, spans: doc.sentences });
  }
  const memberText: MemberTextFn = (doc, sentences, recorded) => {
    const source = trusted.get(doc);
    if (!source) return recorded?.join(' ');
    if (sentences.length === 1) {
      const span = source.spans[sentences[0]!];
      // A sentence that does not exist (reported by sentence-out-of-range) has no text to judge.
      return span && span[1] <= source.text.length ? source.text.slice(span[0], span[1]) : undefined;
    }
    const parts: string[] = [];
    for (const s of sentences) {
      const span = source.spans[s];
      if (!span || span[1] > source.text.length) return undefined;
      parts.push(source.text.slice(span[0], span[1]));
    }
    return parts.join(' ');
  };
  checkQuality({ alignment, rules, memberText }).forEach(add);
  return { file: input.file, findings: sortFindings(findings) };
}

/**
 * Writes the re-anchored alignment, then checks the new file from scratch. Sentences that
 * could not be found again are listed in the fix report and each document that lost some
 * gets a source-changed error, so a lossy fix never passes silently.
 */
async function applyFix(input: CheckFileInput, plan: ReanchorPlan, sources: SourceState): Promise<FileResult> {
  const newText = await input.host.writeAlignment(plan.alignment, sources.texts);
  const after = await checkFile({ ...input, text: newText, fix: false });
  const lost: string[] = [];
  const lossFindings: Finding[] = [];
  const reparsed = parseAlignment(newText);
  for (const report of plan.reports) {
    for (const l of report.lost) {
      lost.push(`${l.doc} sentence ${l.sentence}${l.group ? ` (group ${l.group})` : ' (bookmark)'}${l.text !== undefined ? `: ${JSON.stringify(l.text)}` : ''}`);
    }
    if (report.lost.length > 0 || report.dissolvedGroups.length > 0) {
      const d = plan.alignment.documents.findIndex((doc) => doc.id === report.doc);
      const path: JsonPath = ['documents', d];
      const dissolved = report.dissolvedGroups.length > 0 ? ` and dissolved ${report.dissolvedGroups.length === 1 ? 'group' : 'groups'} ${report.dissolvedGroups.join(', ')}` : '';
      lossFindings.push({
        rule: 'source-changed',
        severity: 'error',
        ...reparsed.locate(path),
        path,
        message: `--fix re-anchored document "${report.doc}" but could not find ${report.lost.length} of its grouped or bookmarked ${report.lost.length === 1 ? 'sentence' : 'sentences'} again${dissolved}; they are listed above and remain in version control`,
      });
    }
  }
  for (const report of plan.reports) {
    const d = plan.alignment.documents.findIndex((doc) => doc.id === report.doc);
    const path: JsonPath = ['documents', d];
    if (report.lostOverrides.length > 0) {
      lossFindings.push({
        rule: 'source-changed',
        severity: 'warning',
        ...reparsed.locate(path),
        path,
        message: `--fix dropped ${report.lostOverrides.length} segmentation ${report.lostOverrides.length === 1 ? 'override' : 'overrides'} of document "${report.doc}" that could not be moved with their text (listed above)`,
      });
    }
    if (report.changed.length === 0) continue;
    lossFindings.push({
      rule: 'source-changed',
      severity: 'warning',
      ...reparsed.locate(path),
      path,
      message: `--fix re-attached ${report.changed.length} grouped or bookmarked ${report.changed.length === 1 ? 'sentence' : 'sentences'} of document "${report.doc}" to a changed text (listed above): review ${report.changed.length === 1 ? 'it' : 'them'} before relying on the alignment`,
    });
  }
  const fixed: FixReport = {
    documents: plan.reports.map((r) => ({
      doc: r.doc,
      exact: r.exact,
      fuzzy: r.fuzzy,
      lost: r.lost.length,
      droppedOverrides: r.droppedOverrides.length,
      dissolvedGroups: r.dissolvedGroups,
      ...(r.normalized > 0 ? { normalized: r.normalized } : {}),
      ...(r.movedOverrides + r.addedOverrides > 0 ? { movedOverrides: r.movedOverrides + r.addedOverrides } : {}),
    })),
    lost,
    details: plan.reports.flatMap((r) => driftLines(r)),
  };
  return { file: input.file, findings: sortFindings([...after.findings, ...lossFindings]), fixed };
}
