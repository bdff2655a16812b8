/**
 * The surface signals the quality rules compare between group members: numbers (locale-aware,
 * with numeric dates and month names made comparable), hashtags, @handles and URLs.
 *
 * Number canonicalisation and accent folding come from the aligner's text-signals module, so
 * the aligner and the checker agree on what "the same number" is. The aligner's full tokenizer
 * is not used here: it folds every word and costs ~35 µs a sentence, which is too slow for
 * checking 100k groups a second; this extractor only looks for the four kinds of signal, and
 * only in texts that can hold them. Its patterns mirror text-signals' TOKEN_RE (url, hashtag,
 * handle, number); the two should share one exported pattern (see docs/check.md).
 */
import { fold, normalizeNumber } from '../align/text-signals.js';

export interface TextSignals {
  readonly numbers: ReadonlySet<string>;
  readonly hashtags: ReadonlySet<string>;
  readonly handles: ReadonlySet<string>;
  readonly urls: ReadonlySet<string>;
}

// Month names (en, it, fr, de, es, pt) → month number, so "13 novembre 2015", "November 13, 2015"
// and "13/11/2015" all give the numbers 13, 11 and 2015.
const MONTHS: Record<string, number> = {};
[
  'january gennaio janvier januar enero janeiro jänner',
  'february febbraio fevrier februar febrero fevereiro',
  'march marzo mars marz marco',
  'april aprile avril abril',
  'may maggio mai mayo maio',
  'june giugno juin juni junio junho',
  'july luglio juillet juli julio julho',
  'august agosto aout',
  'september settembre septembre septiembre setembro',
  'october ottobre octobre oktober octubre outubro',
  'november novembre noviembre novembro',
  'december dicembre decembre dezember diciembre dezembro',
].forEach((names, i) => {
  for (const name of names.split(' ')) MONTHS[fold(name)] = i + 1;
});

const SIGNAL_RE = new RegExp(
  [
    String.raw`(?<url>(?:https?://|www\.)[^\s<>"«»“”]+[^\s<>"«»“”.,;:!?)\]])`,
    String.raw`(?<![\p{L}\p{N}_&])(?<hashtag>#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)`,
    String.raw`(?<![\p{L}\p{N}_.])(?<handle>@[\p{L}\p{N}_]+)`,
    // 21:30, 21h30 (a time is one value, not two numbers)
    String.raw`(?<![\p{L}\p{N}_])(?<time>[0-2]?\d[:h][0-5]\d)(?![\p{N}])`,
    // 13/11/2015, 13.11.2015, 2015-11-13 (numeric dates give their parts)
    String.raw`(?<![\p{L}\p{N}_])(?<date>\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{1,2}-\d{1,2})(?![\p{N}])`,
    // 9,200 · 9.200 · 9 200 (regular, no-break or narrow no-break space) · 3,5 · 1956
    String.raw`(?<![\p{L}\p{N}_])(?<number>\d{1,3}(?:[.,\u00a0\u202f\u2009 ]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?)`,
  ].join('|'),
  'gu',
);

// A month name right before or after a number: "13 novembre", "November 13", "novembre 2015".
const MONTH_NEAR_NUMBER = /(?<=\d\.?\s*(?:er|º|°)?\s)(\p{L}+)|(\p{L}+)(?=\s+\d)/gu;

// Cheap test first: most sentences hold no digit, '#', '@' or URL.
const MAY_HAVE_SIGNALS = /[\d#@]|www\.|:\/\//;

const NO_SIGNALS: TextSignals = { numbers: new Set(), hashtags: new Set(), handles: new Set(), urls: new Set() };

export function extractSignals(text: string): TextSignals {
  if (!MAY_HAVE_SIGNALS.test(text)) return NO_SIGNALS;
  const numbers = new Set<string>();
  const hashtags = new Set<string>();
  const handles = new Set<string>();
  const urls = new Set<string>();
  let sawNumber = false;
  for (const m of text.matchAll(SIGNAL_RE)) {
    const g = m.groups!;
    if (g.url) urls.add(g.url.toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/+$/, ''));
    else if (g.hashtag) hashtags.add(fold(g.hashtag.slice(1)));
    else if (g.handle) handles.add(fold(g.handle.slice(1)));
    else if (g.time) {
      const [h, min] = g.time.split(/[:h]/);
      numbers.add(`${Number(h)}:${min}`);
    } else if (g.date) {
      for (const part of g.date.split(/[/.-]/)) numbers.add(String(Number(part)));
      sawNumber = true;
    } else if (g.number) {
      numbers.add(normalizeNumber(g.number));
      sawNumber = true;
    }
  }
  if (sawNumber) {
    for (const m of text.matchAll(MONTH_NEAR_NUMBER)) {
      const month = MONTHS[fold(m[1] ?? m[2] ?? '')];
      if (month !== undefined) numbers.add(String(month));
    }
  }
  return { numbers, hashtags, handles, urls };
}
