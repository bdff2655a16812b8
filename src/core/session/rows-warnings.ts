/**
 * The quality warnings of `allinea check` (numbers, hashtags, handles, URLs, length ratio,
 * quotes, untranslated) per group, for the row view. The checks are core/check/quality.ts
 * with the rules `allinea check` would use (the nearest allinea.config.json, else the
 * defaults); results are cached per rule set and group object (groups are immutable), so an
 * edit re-checks only the groups it changed, and a batch of groups is checked in one call.
 */
import { defaultRules, type ResolvedRules } from '../check/config.js';
import { checkQuality, type MemberTextFn } from '../check/quality.js';
import type { Alignment, Group } from '../model/types.js';

export interface RowWarning {
  /** Rule id, e.g. "number-mismatch" (translated on screen as `rowWarn.<rule>`). */
  readonly rule: string;
  /** The message `allinea check` prints. */
  readonly message: string;
}

const DEFAULT_RULES = defaultRules();
const groupRuleSets = new WeakMap<ResolvedRules, ResolvedRules>();
const caches = new WeakMap<ResolvedRules, WeakMap<Group, readonly RowWarning[]>>();

function groupRules(rules: ResolvedRules): ResolvedRules {
  let own = groupRuleSets.get(rules);
  if (own) return own;
  const all = new Map(rules);
  // A file-level rule, not about one group.
  all.set('unreviewed-suggestion', { level: 'off', options: undefined });
  groupRuleSets.set(rules, (own = all));
  return own;
}

function cacheOf(rules: ResolvedRules): WeakMap<Group, readonly RowWarning[]> {
  let cache = caches.get(rules);
  if (!cache) caches.set(rules, (cache = new WeakMap()));
  return cache;
}
const NONE: readonly RowWarning[] = [];

function memberTextOf(alignment: Alignment, texts: ReadonlyMap<string, string>): MemberTextFn {
  const spans = new Map(alignment.documents.map((d) => [d.id, d.sentences]));
  return (doc, sentences, recorded) => {
    const text = texts.get(doc);
    const own = spans.get(doc);
    if (text === undefined || !own) return recorded?.join(' ');
    const parts: string[] = [];
    for (const s of sentences) {
      const span = own[s];
      if (!span) return undefined;
      parts.push(text.slice(span[0], span[1]));
    }
    return parts.join(' ');
  };
}

/** Checks the groups not checked yet (one call for all of them) and fills the cache. */
export function checkGroups(alignment: Alignment, texts: ReadonlyMap<string, string>, groups: readonly Group[], rules: ResolvedRules = DEFAULT_RULES): void {
  const cache = cacheOf(rules);
  const todo = groups.filter((g) => !cache.has(g));
  if (todo.length === 0) return;
  const findings = checkQuality({ alignment: { ...alignment, groups: todo }, rules: groupRules(rules), memberText: memberTextOf(alignment, texts) });
  const byGroup = new Map<number, RowWarning[]>();
  for (const f of findings) {
    const g = f.path[1];
    if (f.path[0] !== 'groups' || typeof g !== 'number') continue;
    let list = byGroup.get(g);
    if (!list) byGroup.set(g, (list = []));
    list.push({ rule: f.rule, message: f.message });
  }
  todo.forEach((group, g) => cache.set(group, byGroup.get(g) ?? NONE));
}

/** The warnings of one group (checked now if it was not yet). */
export function warningsOf(alignment: Alignment, texts: ReadonlyMap<string, string>, group: Group, rules: ResolvedRules = DEFAULT_RULES): readonly RowWarning[] {
  const cache = cacheOf(rules);
  const cached = cache.get(group);
  if (cached) return cached;
  checkGroups(alignment, texts, [group], rules);
  return cache.get(group) ?? NONE;
}
