import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultRules, type ResolvedRules } from '../../../src/core/check/config.js';
import { resolveConfig } from '../../../src/core/check/config-file.js';
import { checkQuality } from '../../../src/core/check/quality.js';
import { unbalancedKinds } from '../../../src/core/check/quote-balance.js';
import type { Alignment, GroupStatus } from '../../../src/core/model/types.js';

type Side = readonly [doc: string, text: string];

const LANGS: Record<string, string> = { 'it-000': 'it', 'it-001': 'it', 'en-002': 'en', 'fr-003': 'fr', 'en-004': 'en', 'de-005': 'de', 'zh-006': 'zh' };

/** One alignment whose group g<i> links the given texts (one sentence per document and group). */
function run(groups: readonly (readonly Side[])[], options: { rules?: ResolvedRules; status?: GroupStatus[] } = {}) {
  const texts = new Map<string, string[]>();
  const alignment: Alignment = {
    format: 'allinea-alignment',
    version: 1,
    documents: Object.entries(LANGS).map(([id, lang]) => ({ id, path: `${id}.txt`, lang, sha256: '0'.repeat(64), sentences: [] })),
    groups: groups.map((sides, g) => ({
      id: `g${g + 1}`,
      status: options.status?.[g] ?? 'confirmed',
      origin: 'manual',
      members: sides.map(([doc, text]) => {
        const list = texts.get(doc) ?? [];
        texts.set(doc, [...list, text]);
        return { doc, sentences: [list.length] };
      }),
    })),
    overrides: [],
    bookmarks: [],
  };
  const memberText = (doc: string, sentences: readonly number[]) => sentences.map((s) => texts.get(doc)![s]!).join(' ');
  return checkQuality({ alignment, rules: options.rules ?? defaultRules(), memberText });
}

function rulesWith(config: unknown): ResolvedRules {
  const result = resolveConfig(config, 'test');
  if (!result.ok) throw new Error(result.message);
  return result.rules;
}

describe('number-mismatch', () => {
  it('flags the seeds’ death tolls, 129 against 132, pointing at the group', () => {
    const findings = run([
      [
        ['it-000', "Dopo l'attentato parigino che è costato la vita a 129 persone, il gruppo di Hacktivists ha dichiarato guerra all'Isis."],
        ['it-001', 'L’obiettivo è semplice: la dichiarazione di guerra contro l’Isis, responsabile della morte di 132 persone.'],
      ],
    ]);
    expect(findings).toEqual([
      { rule: 'number-mismatch', path: ['groups', 0], message: 'group "g1": numbers differ: 129 in it-000 but not in it-001; 132 in it-001 but not in it-000' },
    ]);
  });

  it('accepts the same numbers written in different locales', () => {
    expect(run([[['en-002', 'Anonymous released a list of roughly 9,200 accounts, 3.5% of them.'], ['fr-003', 'Anonymous a publié une liste d’environ 9 200 comptes, dont 3,5 %.']]])).toEqual([]);
    expect(run([[['it-000', 'Il 13 novembre 2015 alle 21:30.'], ['en-002', 'On November 13, 2015 at 21:30.']]])).toEqual([]);
  });

  it('flags a number present on one side only, unless ignoreMissing is set', () => {
    const group: Side[] = [['en-002', 'Twitter has shut down 1,500 ISIS-linked accounts.'], ['fr-003', 'Twitter a fermé des milliers de comptes liés à l’EI.']];
    expect(run([group]).map((f) => f.message)).toEqual(['group "g1": numbers differ: 1500 in en-002 but not in fr-003']);
    expect(run([group], { rules: rulesWith({ rules: { 'number-mismatch': ['warn', { ignoreMissing: true }] } }) })).toEqual([]);
  });

  it('does not check rejected groups, and is silent when switched off', () => {
    const group: Side[] = [['it-000', '129 persone'], ['it-001', '132 persone']];
    expect(run([group], { status: ['rejected'] })).toEqual([]);
    expect(run([group], { rules: rulesWith({ rules: { 'number-mismatch': 'off' } }) })).toEqual([]);
  });
});

describe('hashtag-, handle- and url-mismatch', () => {
  it('accepts a hashtag or handle written as a plain word on the other side', () => {
    expect(run([[['it-001', 'Sono stati creati due hashtag, #OpParis e #OpIsis.'], ['en-004', 'In a post on their “OpParis” Twitter account about OpIsis.']]])).toEqual([]);
    expect(run([[['it-001', 'Sono stati creati due hashtag, #OpParis e #OpIsis.'], ['en-004', 'In a post on their “OpParis” Twitter account.']]]).map((f) => f.message)).toEqual([
      'group "g1": hashtags differ: #OpIsis in it-001 but not in en-004',
    ]);
  });

  it('flags each kind present on one side only', () => {
    const findings = run([
      [
        ['it-000', "A seguito dell'operazione @OpIceIsis, parte l'#OpParis: https://example.org/opparis"],
        ['en-002', 'After operation @OpIceIsis comes #OpParis.'],
      ],
      [
        ['it-001', 'Sono stati creati due hashtag, #OpParis e #OpIsis.'],
        ['en-004', 'Two hashtags were created, #opparis and #OpISIS, by @LibertarianBlue.'],
      ],
    ]);
    expect(findings.map((f) => [f.rule, f.path[1], f.message])).toEqual([
      ['url-mismatch', 0, 'group "g1": URLs differ: example.org/opparis in it-000 but not in en-002'],
      ['handle-mismatch', 1, 'group "g2": handles differ: @LibertarianBlue in en-004 but not in it-001'],
    ]);
  });
});

describe('length-ratio', () => {
  const long = 'Members of the online vigilante group Anonymous claim to have foiled an Islamic State terror attack on the nation of Italy.';
  it('flags a member far longer than the others, allowing for the language pair', () => {
    const findings = run([[['en-002', long], ['it-000', 'Anonymous ha sventato un attacco.']]]);
    expect(findings).toEqual([
      {
        rule: 'length-ratio',
        path: ['groups', 0],
        message: 'group "g1": en-002 (123 characters) is 4.2 times as long as it-000 (33 characters, allowing for en/it; limit 2.5)',
      },
    ]);
  });

  it('accepts usual ratios, short groups, and scripts that need fewer characters', () => {
    expect(run([[['en-002', long], ['it-000', 'Membri del gruppo Anonymous affermano di aver sventato un attacco terroristico dello Stato islamico contro l’Italia.']]])).toEqual([]);
    expect(run([[['en-002', 'Yes, we are Anonymous.'], ['fr-003', 'Oui.']]])).toEqual([]);
    // 123 English characters against 37 Chinese ones is a normal pair (expected ratio 0.3).
    expect(run([[['en-002', long], ['zh-006', '匿名者组织成员声称挫败了伊斯兰国对意大利的恐怖袭击，这一说法尚未得到证实。']]])).toEqual([]);
  });

  it('takes max, minChars and the expected table from the config', () => {
    const rules = rulesWith({ rules: { 'length-ratio': ['error', { max: 5 }] } });
    expect(run([[['en-002', long], ['it-000', 'Anonymous ha sventato un attacco.']]], { rules })).toEqual([]);
  });
});

describe('untranslated', () => {
  it('flags identical text in two languages, not in one language, not for names', () => {
    const same = 'Copyright 2024 Nexstar Media Inc. All rights reserved.';
    expect(run([[['en-002', same], ['it-000', same]]]).map((f) => f.rule)).toEqual(['untranslated']);
    expect(run([[['it-000', 'Non perdoniamo.'], ['it-001', 'Non perdoniamo.']]])).toEqual([]);
    expect(run([[['en-002', 'Anonymous'], ['fr-003', 'Anonymous']]])).toEqual([]);
  });
});

describe('unbalanced-quotes', () => {
  it('counts quotes and brackets of each style', () => {
    expect(unbalancedKinds('«On ne pardonne pas. On n’oublie pas.»')).toEqual([]);
    expect(unbalancedKinds('«On ne pardonne pas.')).toEqual(['« »']);
    expect(unbalancedKinds('„Wir vergeben nicht.“')).toEqual([]);
    expect(unbalancedKinds('“We do not forgive.')).toEqual(['“ ”']);
    expect(unbalancedKinds('He said "yes (maybe.')).toEqual(['"', '( )']);
    expect(unbalancedKinds("l'Isis, l’attentato")).toEqual([]);
  });

  it('flags a group that cuts a quotation on one side only', () => {
    const findings = run([
      [['fr-003', '«On ne pardonne pas. On n’oublie pas.»'], ['it-000', '«Non dimentichiamo.']],
      [['fr-003', '«Nous sommes Anonymous.'], ['it-001', '«Noi siamo Anonymous.']],
    ]);
    expect(findings).toEqual([
      {
        rule: 'unbalanced-quotes',
        path: ['groups', 0],
        message: 'group "g1": quotes or brackets are unbalanced in it-000 (« ») but balanced in fr-003; the group may cut a quotation on one side',
      },
    ]);
  });
});

describe('unreviewed-suggestion', () => {
  it('reports suggested groups once per file, at the first one', () => {
    const pair: Side[] = [['it-000', 'Non perdoniamo.'], ['fr-003', 'On ne pardonne pas.']];
    const findings = run([pair, pair, pair, pair, pair, pair, pair], { status: ['confirmed', 'suggested', 'suggested', 'rejected', 'suggested', 'suggested', 'suggested'] });
    expect(findings).toEqual([
      { rule: 'unreviewed-suggestion', path: ['groups', 1], message: '5 suggested groups are still unreviewed (g2, g3, g5, g6, and 1 more)' },
    ]);
  });
});

describe('unbalancedKinds on any text', () => {
  /** Every character counted in turn, as the rule defines balance. */
  function countedKinds(text: string): string[] {
    const n = (c: string) => [...text].filter((x) => x === c).length;
    const low = n('„');
    const out: string[] = [];
    if (n('«') !== n('»')) out.push('« »');
    if (low > 0 ? low !== n('“') + n('”') : n('“') !== n('”')) out.push(low > 0 ? '„ “' : '“ ”');
    if (n('"') % 2 !== 0) out.push('"');
    if (n('(') !== n(')')) out.push('( )');
    if (n('[') !== n(']')) out.push('[ ]');
    if (n('{') !== n('}')) out.push('{ }');
    return out;
  }

  it('finds the kinds a count of every character finds', () => {
    const text = fc.array(fc.constantFrom(...'«»“”„"()[]{}a ’\'', '\ud835\udc00'), { maxLength: 20 }).map((c) => c.join(''));
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'binary', maxLength: 20 })), (t) => {
        expect(unbalancedKinds(t)).toEqual(countedKinds(t));
      }),
      { numRuns: 3000 },
    );
  });
});
