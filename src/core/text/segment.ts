/**
 * Sentence segmentation: text -> sentence spans ([start, end) offsets into the original text,
 * in order, trimmed, non-empty).
 *
 * Pipeline, per line (every line break is a boundary, so a line without inner candidates is
 * one sentence at once):
 *   candidates.ts   final punctuation followed by whitespace
 *   quotes.ts       pairing of quotation marks and brackets; lists.ts: one-line enumerations
 *   boundaries.ts   one decision per candidate: sentence-splitter's answer (base-splitter.ts,
 *                   fed with the language data of abbreviations.ts) corrected by the language
 *                   layer (language-rules.ts): quotations, ellipses, numbers, abbreviations
 *                   before capitals; plus list item starts
 */
import type { Span } from '../model/types.js';
import { BaseAnswers } from './base-splitter.js';
import { decide, type Cut, type LineContext } from './boundaries.js';
import { findCandidates, type Candidate } from './candidates.js';
import { isWhitespace } from './chars.js';
import { rulesFor } from './language-rules.js';
import { lineRanges } from './lines.js';
import { listLayout } from './lists.js';
import { EnclosingRegions, pairRegions } from './quotes.js';

export { SUPPORTED_LANGUAGES } from './language-rules.js';

/** Splits `text` into sentences; every span satisfies text.slice(s,e) === the trimmed sentence. */
export function segment(text: string, lang: string): Span[] {
  const rules = rulesFor(lang);
  const spans: Span[] = [];
  for (const [start, end] of lineRanges(text)) {
    const regions = pairRegions(text, start, end);
    const closingMarks = regions.length > 0 ? new Set(regions.map((r) => r.close)) : undefined;
    const candidates = findCandidates(text, start, end, closingMarks);
    const list = listLayout(text, start, end);
    if (candidates.length === 0 && !list) {
      spans.push([start, end]);
      continue;
    }
    const line: LineContext = {
      text,
      start,
      end,
      rules,
      regions: new EnclosingRegions(regions),
      list,
      base: new BaseAnswers(text, start, end, candidates, rules),
    };
    pushSentences(line, cutsOf(line, candidates), spans);
  }
  return spans;
}

function cutsOf(line: LineContext, candidates: readonly Candidate[]): Cut[] {
  const cuts: Cut[] = [];
  const itemStarts = line.list?.itemStarts ?? [];
  let item = 0;
  let sentenceStart = line.start;
  const addCut = (cut: Cut): void => {
    if (cuts.length > 0 && cuts[cuts.length - 1]!.next >= cut.next) return;
    cuts.push(cut);
    sentenceStart = cut.next;
  };
  for (const candidate of candidates) {
    while (item < itemStarts.length && itemStarts[item]! <= candidate.start) {
      addCut({ end: itemStarts[item]!, next: itemStarts[item]! });
      item++;
    }
    const cut = decide(line, candidate, sentenceStart);
    if (cut) addCut(cut);
  }
  for (; item < itemStarts.length; item++) addCut({ end: itemStarts[item]!, next: itemStarts[item]! });
  return cuts;
}

function pushSentences(line: LineContext, cuts: readonly Cut[], spans: Span[]): void {
  const { text } = line;
  let start = line.start;
  for (const cut of [...cuts, { end: line.end, next: line.end }]) {
    let s = start;
    let e = cut.end;
    while (s < e && isWhitespace(text[s])) s++;
    while (e > s && isWhitespace(text[e - 1])) e--;
    if (e > s) spans.push([s, e]);
    start = cut.next;
  }
}
