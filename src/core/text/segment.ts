/**
 * Sentence segmentation: text -> sentence spans ([start, end) offsets into the original text,
 * in order, trimmed, non-empty).
 *
 * Pipeline: lines (every line break is a boundary) -> candidate boundaries (final
 * punctuation followed by whitespace) -> quotation/bracket pairing and list layout of the
 * line -> one decision per candidate: the base splitter (sentence-splitter) for ordinary
 * cases, the language layer (language-rules.ts, abbreviations.ts) for the rest.
 */
import type { Span } from '../model/types.js';
import { BaseAnswers } from './base-splitter.js';
import { decide, type Cut, type LineContext } from './boundaries.js';
import { findCandidates } from './candidates.js';
import { isWhitespace } from './chars.js';
import { rulesFor } from './language-rules.js';
import { lineRanges } from './lines.js';
import { listLayout } from './lists.js';
import { EnclosingRegions, pairRegions } from './quotes.js';

/** Languages with a dedicated rule layer; any other tag gets the generic rules. */
export const SUPPORTED_LANGUAGES: readonly string[] = Object.freeze(['en', 'it', 'fr']);

/** Splits `text` into sentences; every span satisfies text.slice(s,e) === the trimmed sentence. */
export function segment(text: string, lang: string): Span[] {
  const rules = rulesFor(lang);
  const spans: Span[] = [];
  for (const [start, end] of lineRanges(text)) {
    const candidates = findCandidates(text, start, end);
    const list = listLayout(text, start, end);
    if (candidates.length === 0 && !list) {
      spans.push([start, end]);
      continue;
    }
    const base = new BaseAnswers(text, start, end, candidates, rules);
    const line: LineContext = { text, start, end, rules, regions: new EnclosingRegions(pairRegions(text, start, end)), list, base };
    pushSentences(line, cutsOf(line, candidates), spans);
  }
  return spans;
}

function cutsOf(line: LineContext, candidates: ReturnType<typeof findCandidates>): Cut[] {
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
