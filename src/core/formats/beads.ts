/**
 * Vecalign/Bertalign bead files: one bead per line, `[0, 1]:[0]` (source lines 0 and 1 align
 * with target line 0, 0-based), `[]:[3]` for an unaligned line, and Vecalign's optional
 * cost after a second colon (`[0]:[0]:0.123`). The sentence files hold one sentence per line.
 *
 * Export (`--to beads --pair L1-L2`) writes the two documents' sentences one per line
 * (every sentence, so line numbers are sentence indices) and one bead per group, in source
 * order, without a cost (allinea's score is a confidence, not a cost); sentences no group
 * aligns are written as 1-0 and 0-1 beads, as Vecalign does.
 */
import { AllineaError } from '../errors.js';
import { sanitizeForTerminal } from '../display/sanitize.js';
import { selectGroups } from './selection.js';
import { cleanText } from './clean-text.js';
import type { Bead, ExportInput, ExportResult, Notice, Omission, SelectionOptions } from './types.js';

const BEAD = /^\[([\d\s,]*)\]\s*:\s*\[([\d\s,]*)\](?:\s*:\s*(\S+))?$/;

function indices(list: string, line: number): number[] {
  const trimmed = list.trim();
  if (trimmed === '') return [];
  return trimmed.split(',').map((part) => {
    const n = Number(part.trim());
    if (part.trim() === '' || !Number.isInteger(n)) throw new AllineaError(`Line ${line} of the bead file has a malformed index list "[${list}]".`);
    return n;
  });
}

export function parseBeads(text: string): Bead[] {
  const beads: Bead[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const m = BEAD.exec(line);
    if (!m) throw new AllineaError(`Line ${i + 1} of the bead file is not a bead like "[0, 1]:[0]": "${sanitizeForTerminal(line.slice(0, 40))}".`);
    const figure = m[3] !== undefined ? Number(m[3]) : undefined;
    beads.push({ source: indices(m[1]!, i + 1), target: indices(m[2]!, i + 1), ...(figure !== undefined && Number.isFinite(figure) ? { figure } : {}) });
  });
  if (beads.length === 0) throw new AllineaError('The bead file holds no beads.');
  return beads;
}

/** Restricts an alignment to two documents (members elsewhere dropped), for a pair named by document ids. */
function onlyDocuments(input: ExportInput, ids: readonly [string, string]): ExportInput {
  const keep = new Set(ids);
  const alignment = {
    ...input.alignment,
    documents: input.alignment.documents.filter((d) => keep.has(d.id)),
    groups: input.alignment.groups.map((g) => ({ ...g, members: g.members.filter((m) => keep.has(m.doc)) })),
  };
  return { alignment, texts: input.texts };
}

/**
 * Every sentence in exactly one bead, as Vecalign writes them: each sentence that no written
 * group aligns becomes a 1-0 bead (`[4]:[]`) or a 0-1 bead (`[]:[7]`), placed where it falls
 * between the aligned beads (before the first bead that starts after it). Leaving them out
 * would make a scorer count only the aligned beads and inflate precision.
 */
export function withUnaligned(aligned: readonly Bead[], sourceCount: number, targetCount: number): Bead[] {
  const usedSource = new Set(aligned.flatMap((b) => b.source));
  const usedTarget = new Set(aligned.flatMap((b) => b.target));
  const out: Bead[] = [];
  let s = 0;
  let t = 0;
  const flush = (sourceUpTo: number, targetUpTo: number) => {
    for (; s < sourceUpTo; s++) if (!usedSource.has(s)) out.push({ source: [s], target: [] });
    for (; t < targetUpTo; t++) if (!usedTarget.has(t)) out.push({ source: [], target: [t] });
  };
  for (const bead of aligned) {
    flush(Math.min(...bead.source), Math.min(...bead.target));
    out.push(bead);
  }
  flush(sourceCount, targetCount);
  return out;
}

/**
 * `pair` names two languages with one document each, or two document ids
 * (`--pair it-000:fr-003`) when a language has several documents.
 */
export function exportBeads(input: ExportInput, options: SelectionOptions): ExportResult {
  if (!options.pair) throw new AllineaError('Bead files hold two documents: choose them with --pair L1-L2 (languages) or --pair DOC1:DOC2 (document ids).');
  const byId = options.pair.map((p) => input.alignment.documents.find((d) => d.id === p));
  if (byId[0] && byId[1]) {
    if (byId[0].lang === byId[1].lang) throw new AllineaError(`Documents "${byId[0].id}" and "${byId[1].id}" are both in ${byId[0].lang}; a bead file pairs two languages.`);
    input = onlyDocuments(input, [byId[0].id, byId[1].id]);
    options = { ...options, pair: [byId[0].lang, byId[1].lang] };
  }
  const selection = selectGroups(input, options);
  const [srcLang, tgtLang] = selection.langs as [string, string];
  const docsOf = (lang: string) => input.alignment.documents.filter((d) => d.lang === lang);
  for (const lang of [srcLang, tgtLang]) {
    const docs = docsOf(lang);
    if (docs.length !== 1) {
      throw new AllineaError(`Bead files index one document per language, but ${lang} has ${docs.length} (${docs.map((d) => d.id).join(', ')}): name the two documents, e.g. --pair ${docs[0]!.id}:${docsOf(lang === srcLang ? tgtLang : srcLang)[0]!.id}.`);
    }
  }
  const src = docsOf(srcLang)[0]!;
  const tgt = docsOf(tgtLang)[0]!;
  const files = new Map<string, string>();
  let removed = 0;
  for (const doc of [src, tgt]) {
    const text = input.texts.get(doc.id);
    if (text === undefined) throw new AllineaError(`The text of document "${doc.id}" is not available.`);
    files.set(
      doc.lang,
      doc.sentences
        .map(([s, e]) => {
          const cleaned = cleanText(text.slice(s, e));
          removed += cleaned.removed;
          return `${cleaned.text}\n`;
        })
        .join(''),
    );
  }
  const aligned = selection.groups
    .map(({ byLang }) => ({ source: byLang.get(srcLang)![0]!.sentences, target: byLang.get(tgtLang)![0]!.sentences }))
    .sort((a, b) => a.source[0]! - b.source[0]!);
  const beads = withUnaligned(aligned, src.sentences.length, tgt.sentences.length);
  files.set('beads', beads.map((b) => `[${b.source.join(', ')}]:[${b.target.join(', ')}]\n`).join(''));
  const notices: Notice[] = removed > 0 ? [{ code: 'removed-characters', message: `removed ${removed} control or non-XML characters from the sentences` }] : [];
  const omitted: readonly Omission[] = selection.omitted;
  return { output: files, omitted, notices, written: aligned.length, unaligned: beads.length - aligned.length };
}
