/** The checker's core on in-memory files and a fake host: no file system involved. */
import { parseAlignment } from '../../../src/core/model/parse.js';
import { describe, expect, it } from 'vitest';
import { checkFile, type CheckHost } from '../../../src/core/check/check-file.js';
import { defaultRules } from '../../../src/core/check/config.js';
import type { SourceState } from '../../../src/core/check/sources.js';
import { link, splitSentence } from '../../../src/core/model/operations.js';
import { serializeAlignment } from '../../../src/core/model/serialize.js';
import type { Alignment } from '../../../src/core/model/types.js';
import { segment } from '../../../src/core/text/segment.js';
import { sha256 } from '../../../src/io/hash.js';
import { findSentence, seedsAlignment } from '../../helpers/seeds.js';

function host(alignmentTexts: Map<string, string>, written: { text?: string } = {}): CheckHost {
  return {
    readSources: (alignment: Alignment): SourceState => {
      const changed = new Map<string, string>();
      for (const doc of alignment.documents) {
        const text = alignmentTexts.get(doc.id);
        if (text !== undefined && sha256(text) !== doc.sha256) changed.set(doc.id, sha256(text));
      }
      return { texts: alignmentTexts, missing: [], changed };
    },
    loadSegmenter: async () => segment,
    writeAlignment: async (alignment, texts) => (written.text = serializeAlignment(alignment, texts)),
  };
}

describe('checkFile', () => {
  it('reports an override that re-anchoring would drop, and says so in source-changed', async () => {
    const { alignment: fresh, texts } = seedsAlignment();
    const s = findSentence(fresh, texts, 'it-000', 'Molti membri');
    const text = texts.get('it-000')!;
    const [start] = fresh.documents[0]!.sentences[s]!;
    const at = text.indexOf('sono stati reclutati', start);
    let a = splitSentence(fresh, { doc: 'it-000', sentence: s }, at, text);
    a = link(a, [{ doc: 'it-000', sentence: s }, { doc: 'en-002', sentence: 2 }]).alignment;
    const file = serializeAlignment(a, texts);
    expect(a.overrides).toEqual([{ doc: 'it-000', op: 'split', at }]);

    const clean = await checkFile({ file: 'x.align.json', text: file, rules: defaultRules(), host: host(texts) });
    expect(clean.findings.filter((f) => f.severity === 'error')).toEqual([]);

    // The text is cut short before the place of the split: the override no longer fits.
    const changed = new Map(texts);
    changed.set('it-000', `${text.slice(0, start)}Molti membri dell'Isis.`);
    const result = await checkFile({ file: 'x.align.json', text: file, rules: defaultRules(), host: host(changed) });
    const errors = result.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.path, f.message]);
    expect(errors).toEqual([
      ['source-changed', ['documents', 0], expect.stringMatching(/^the text of document "it-000" \(\.\.\/seeds\/000_8f095107cca91a8d\.txt\) changed since the file was written; re-anchoring would find 0 of 1 grouped or bookmarked sentence again \(0 exactly, 0 with a changed text\), lose sentence \d+ of group g1 \("Molti membri dell'Isis, .*…"\), drop 1 segmentation override: split at \d+ \(its text is gone\) and dissolve group g1 \(allinea check --fix applies it\)$/)],
      ['override-mismatch', ['overrides', 0], `override 0 (split at ${at} in "it-000") no longer fits the changed text and re-anchoring would drop it`],
    ]);
  });

  it('with fix, hands the re-anchored alignment to the host and checks what was written', async () => {
    const { alignment: fresh, texts } = seedsAlignment();
    const s = findSentence(fresh, texts, 'en-002', '9,200 accounts');
    const a = link(fresh, [{ doc: 'en-002', sentence: s }, { doc: 'fr-003', sentence: findSentence(fresh, texts, 'fr-003', '5 500 comptes') }]).alignment;
    const changed = new Map(texts);
    changed.set('en-002', `Breaking news.\n\n${texts.get('en-002')!}`);
    const written: { text?: string } = {};
    const result = await checkFile({ file: 'x.align.json', text: serializeAlignment(a, texts), rules: defaultRules(), fix: true, host: host(changed, written) });
    expect(result.fixed?.documents).toEqual([{ doc: 'en-002', exact: 1, fuzzy: 0, lost: 0, droppedOverrides: 0, dissolvedGroups: [] }]);
    const after = JSON.parse(written.text!) as Alignment;
    expect(after.documents[2]!.sha256).toBe(sha256(changed.get('en-002')!));
    // The sentence keeps its stable id in the file (the group's line does not change); it is now sentence s + 1.
    expect(after.groups[0]!.members[0]).toEqual({ doc: 'en-002', sentences: [s], texts: [expect.stringContaining('9,200 accounts')] });
    const reread = parseAlignment(written.text!);
    expect(reread.ok && reread.alignment.groups[0]!.members[0]!.sentences).toEqual([s + 1]);
    // What remains is the quality warning on the rewritten file: 9200 against 5500.
    expect(result.findings.map((f) => [f.rule, f.message])).toEqual([['number-mismatch', 'group "g1": numbers differ: 9200 in en-002 but not in fr-003; 5500 in fr-003 but not in en-002']]);
  });
});
