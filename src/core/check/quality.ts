/**
 * Quality checks on the live groups of an alignment, as translation QA tools run them on
 * segment pairs: numbers, hashtags, handles and URLs present on one side only, lengths far
 * apart, identical text in two languages, quotes cut on one side. Rejected groups are
 * negative decisions and are not checked.
 */
import { isLive } from '../model/index-cache.js';
import type { JsonPath } from '../model/parse.js';
import type { Alignment } from '../model/types.js';
import { expectedLength, primaryLanguage } from './length-ratio.js';
import type { LengthRatioOptions, NumberMismatchOptions, UntranslatedOptions } from './rules.js';
import { QuoteCount, unbalancedKinds } from './quote-balance.js';
import { mayBeSameText } from './same-text.js';
import { extractSignals, spellingOf, type TextSignals } from './signals.js';
import { fold } from '../align/text-signals.js';
import type { ResolvedRules } from './config.js';
import type { RawFinding } from './types.js';


/** The text of a member for checking, or undefined when it cannot be known. */
export type MemberTextFn = (doc: string, sentences: readonly number[], recorded: readonly string[] | undefined) => string | undefined;

/** The folded words of a member, computed only when a hashtag or handle is missing from it. */
const WORD_SPLIT = /[^\p{L}\p{N}_]+/u;
function hasWord(m: MemberView, value: string): boolean {
  m.words ??= new Set(fold(m.text).split(WORD_SPLIT));
  return m.words.has(value);
}

interface DocumentInfo {
  readonly lang: string;
  readonly primary: string;
  /** Expected length relative to English. */
  readonly expected: number;
}

const NO_DOCUMENT: DocumentInfo = { lang: '', primary: '', expected: 1 };

/** A member being checked; one view per place in a group, refilled for each group. */
class MemberView {
  doc = '';
  /** The document's language, shared by its members (not copied: a number field costs an allocation). */
  info = NO_DOCUMENT;
  text = '';
  signals: TextSignals | undefined = undefined;
  /** The kinds of quotes and brackets left unbalanced. */
  kinds: readonly string[] | undefined = undefined;
  words: Set<string> | undefined = undefined;

  fill(doc: string, info: DocumentInfo, text: string): void {
    this.doc = doc;
    this.info = info;
    this.text = text;
    this.signals = undefined;
    this.kinds = undefined;
    this.words = undefined;
  }
}

const MAX_LISTED = 4;

function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`;
}

function listDocs(docs: readonly string[]): string {
  return docs.join(', ');
}

/**
 * Values present in some members only, grouped by who has them and listed for a message:
 * "84, 14, 7 in fr-003 but not in it-000; …"; undefined when there are none.
 */
function oneSidedValues(
  members: readonly MemberView[],
  pick: (s: TextSignals) => readonly string[],
  prefix = '',
  /** Whether a member lacking the value still has it in another form (a hashtag as a plain word). */
  hasOtherwise?: (m: MemberView, value: string) => boolean,
): string | undefined {
  // The usual case: every member has the same values (often none), so none is one-sided.
  if (sameInAll(members, pick)) return undefined;
  const all = new Set<string>();
  for (const m of members) for (const v of pick(m.signals!)) all.add(v);
  const bySides = new Map<string, { values: string[]; have: string[]; lack: string[] }>();
  for (const value of all) {
    const have: string[] = [];
    const lack: string[] = [];
    for (const m of members) (pick(m.signals!).includes(value) || hasOtherwise?.(m, value) ? have : lack).push(m.doc);
    if (lack.length === 0) continue;
    const key = `${have.join(',')}|${lack.join(',')}`;
    const shown = prefix + (firstSpelling(members, value) ?? value);
    const entry = bySides.get(key);
    if (entry) entry.values.push(shown);
    else bySides.set(key, { values: [shown], have, lack });
  }
  if (bySides.size === 0) return undefined;
  return describeList([...bySides.values()].map((e) => `${e.values.join(', ')} in ${listDocs(e.have)} but not in ${listDocs(e.lack)}`));
}

/** How the first member that has a hashtag or handle wrote it. */
function firstSpelling(members: readonly MemberView[], folded: string): string | undefined {
  for (const m of members) {
    const written = spellingOf(m.signals!, folded);
    if (written !== undefined) return written;
  }
  return undefined;
}

/** Whether all members share one signals result (texts without any signal all get the same empty one). */
function sameSignalsObject(members: readonly MemberView[]): boolean {
  for (let k = 1; k < members.length; k++) if (members[k]!.signals !== members[0]!.signals) return false;
  return true;
}

/** Whether every member has the same values (lists of distinct values). */
function sameInAll(members: readonly MemberView[], pick: (s: TextSignals) => readonly string[]): boolean {
  const first = pick(members[0]!.signals!);
  for (let k = 1; k < members.length; k++) {
    const other = pick(members[k]!.signals!);
    if (other === first) continue;
    if (other.length !== first.length) return false;
    for (let i = 0; i < first.length; i++) if (!other.includes(first[i]!)) return false;
  }
  return true;
}

const pickNumbers = (s: TextSignals) => s.numbers;
const pickHashtags = (s: TextSignals) => s.hashtags;
const pickHandles = (s: TextSignals) => s.handles;
const pickUrls = (s: TextSignals) => s.urls;

function describeList(items: readonly string[]): string {
  const shown = items.slice(0, MAX_LISTED).join('; ');
  return items.length > MAX_LISTED ? `${shown}; and ${items.length - MAX_LISTED} more` : shown;
}

/** Whether every member leaves the same kinds of quotes and brackets open (usually none). */
function sameQuoteBalance(members: readonly MemberView[]): boolean {
  const first = members[0]!.kinds!;
  for (let k = 1; k < members.length; k++) {
    const other = members[k]!.kinds!;
    if (other !== first && other.join(' ') !== first.join(' ')) return false;
  }
  return true;
}

const NON_LETTERS = /[^\p{L}]+/gu;
const SIGNAL_TEXT = /(?:https?:\/\/|www\.)\S+|[#@][\p{L}\p{N}_]+/gu;

export interface QualityContext {
  readonly alignment: Alignment;
  readonly rules: ResolvedRules;
  readonly memberText: MemberTextFn;
}

function on(rules: ResolvedRules, id: string): boolean {
  const setting = rules.get(id);
  return setting !== undefined && setting.level !== 'off';
}

export function checkQuality(ctx: QualityContext): RawFinding[] {
  const { alignment, rules } = ctx;
  const out: RawFinding[] = [];
  const ratioOptions = rules.get('length-ratio')?.options as LengthRatioOptions | undefined;
  const langOf = new Map<string, DocumentInfo>(
    alignment.documents.map((d) => [d.id, { lang: d.lang, primary: primaryLanguage(d.lang), expected: expectedLength(d.lang, ratioOptions?.expected ?? {}) }]),
  );
  const numbers = on(rules, 'number-mismatch');
  const hashtags = on(rules, 'hashtag-mismatch');
  const handles = on(rules, 'handle-mismatch');
  const urls = on(rules, 'url-mismatch');
  const anySignals = numbers || hashtags || handles || urls;
  const lengthRatio = on(rules, 'length-ratio');
  const untranslated = on(rules, 'untranslated');
  const quotes = on(rules, 'unbalanced-quotes');
  const numberOptions = rules.get('number-mismatch')?.options as NumberMismatchOptions | undefined;
  const untranslatedOptions = rules.get('untranslated')?.options as UntranslatedOptions | undefined;

  const unreviewed: string[] = [];
  let firstUnreviewed = -1;
  const quoteCount = new QuoteCount();

  const groups = alignment.groups;
  // One list of member views, refilled for each group from a pool of views.
  const members: MemberView[] = [];
  const views: MemberView[] = [];
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    if (!isLive(group.status)) continue;
    if (group.status === 'suggested') {
      if (firstUnreviewed < 0) firstUnreviewed = g;
      unreviewed.push(group.id);
    }
    let count = 0;
    const groupMembers = group.members;
    for (let k = 0; k < groupMembers.length; k++) {
      const member = groupMembers[k]!;
      const doc = langOf.get(member.doc);
      if (doc === undefined) continue;
      const text = ctx.memberText(member.doc, member.sentences, member.texts);
      if (text === undefined) continue;
      const view = (views[count] ??= new MemberView());
      view.fill(member.doc, doc, text);
      members[count++] = view;
    }
    if (members.length !== count) members.length = count;
    if (members.length < 2) continue;
    // Made once a group has a finding; all its findings share it.
    let path: JsonPath | undefined;
    const id = group.id;

    // Signals and quotes are read in one pass over each text.
    if (anySignals) {
      for (let k = 0; k < count; k++) {
        const m = members[k]!;
        if (quotes) {
          quoteCount.reset();
          m.signals = extractSignals(m.text, quoteCount);
          m.kinds = quoteCount.kinds();
        } else m.signals = extractSignals(m.text);
      }
    } else if (quotes) for (let k = 0; k < count; k++) members[k]!.kinds = unbalancedKinds(members[k]!.text);

    // Texts without any signal share one empty result: then no value can be one-sided.
    if (anySignals && !sameSignalsObject(members)) {
      if (numbers) {
        const skip = numberOptions?.ignoreMissing && members.some((m) => m.signals!.numbers.length === 0);
        const diff = skip ? undefined : oneSidedValues(members, pickNumbers);
        if (diff !== undefined) out.push({ rule: 'number-mismatch', path: (path ??= ['groups', g]), message: `group "${id}": numbers differ: ${diff}` });
      }
      if (hashtags) {
        // "#OpParis" on one side and "OpParis" on the other is the same thing, written for another audience.
        const diff = oneSidedValues(members, pickHashtags, '#', hasWord);
        if (diff !== undefined) out.push({ rule: 'hashtag-mismatch', path: (path ??= ['groups', g]), message: `group "${id}": hashtags differ: ${diff}` });
      }
      if (handles) {
        const diff = oneSidedValues(members, pickHandles, '@', hasWord);
        if (diff !== undefined) out.push({ rule: 'handle-mismatch', path: (path ??= ['groups', g]), message: `group "${id}": handles differ: ${diff}` });
      }
      if (urls) {
        const diff = oneSidedValues(members, pickUrls);
        if (diff !== undefined) out.push({ rule: 'url-mismatch', path: (path ??= ['groups', g]), message: `group "${id}": URLs differ: ${diff}` });
      }
    }

    if (lengthRatio && ratioOptions) {
      let longest: MemberView | undefined;
      let shortest: MemberView | undefined;
      let longestNorm = -1;
      let shortestNorm = Infinity;
      let maxChars = 0;
      for (let k = 0; k < count; k++) {
        const m = members[k]!;
        const chars = m.text.length;
        maxChars = Math.max(maxChars, chars);
        const norm = chars / m.info.expected;
        if (norm > longestNorm) {
          longest = m;
          longestNorm = norm;
        }
        if (norm < shortestNorm) {
          shortest = m;
          shortestNorm = norm;
        }
      }
      if (longest && shortest && longest !== shortest && maxChars >= ratioOptions.minChars) {
        const ratio = shortestNorm > 0 ? longestNorm / shortestNorm : Infinity;
        if (ratio > ratioOptions.max) {
          const pair = longest.info.primary === shortest.info.primary ? '' : `, allowing for ${longest.info.primary}/${shortest.info.primary}`;
          out.push({
            rule: 'length-ratio',
            path: (path ??= ['groups', g]),
            message: `group "${id}": ${longest.doc} (${longest.text.length} characters) is ${ratio.toFixed(1)} times as long as ${shortest.doc} (${shortest.text.length} characters${pair}; limit ${ratioOptions.max})`,
          });
        }
      }
    }

    if (untranslated && untranslatedOptions) {
      outer: for (let a = 0; a < members.length; a++) {
        for (let b = a + 1; b < members.length; b++) {
          const x = members[a]!;
          const y = members[b]!;
          if (x.info.primary === y.info.primary) continue;
          // Cheap rejection first: identical texts have (nearly) the same length.
          if (Math.abs(x.text.length - y.text.length) > 0.1 * Math.max(x.text.length, y.text.length) + 2) continue;
          if (!mayBeSameText(x.text, y.text)) continue;
          const nx = x.text.replace(/\s+/g, ' ').trim();
          if (nx.toLowerCase() !== y.text.replace(/\s+/g, ' ').trim().toLowerCase()) continue;
          const letters = nx.replace(SIGNAL_TEXT, '').replace(NON_LETTERS, '').length;
          if (letters < untranslatedOptions.minLetters) continue;
          out.push({ rule: 'untranslated', path: (path ??= ['groups', g]), message: `group "${id}": ${x.doc} (${x.info.lang}) and ${y.doc} (${y.info.lang}) have the same text, ${quote(nx)}, which looks untranslated` });
          break outer;
        }
      }
    }

    if (quotes && !sameQuoteBalance(members)) {
      const kinds = members.map((m) => m.kinds!);
      const bad = members.map((m, i) => (kinds[i]!.length > 0 ? `${m.doc} (${kinds[i]!.join(', ')})` : '')).filter(Boolean);
      const good = members.filter((_, i) => kinds[i]!.length === 0).map((m) => m.doc);
      const rest = good.length > 0 ? ` but balanced in ${listDocs(good)}` : ', differently in each member';
      out.push({ rule: 'unbalanced-quotes', path: (path ??= ['groups', g]), message: `group "${id}": quotes or brackets are unbalanced in ${bad.join(', ')}${rest}; the group may cut a quotation on one side` });
    }
  }

  if (on(rules, 'unreviewed-suggestion') && unreviewed.length > 0) {
    const shown = unreviewed.slice(0, MAX_LISTED).join(', ');
    const more = unreviewed.length > MAX_LISTED ? `, and ${unreviewed.length - MAX_LISTED} more` : '';
    const noun = unreviewed.length === 1 ? 'suggested group is' : 'suggested groups are';
    out.push({ rule: 'unreviewed-suggestion', path: ['groups', firstUnreviewed], message: `${unreviewed.length} ${noun} still unreviewed (${shown}${more})` });
  }
  return out;
}
