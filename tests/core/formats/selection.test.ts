import { describe, expect, it } from 'vitest';
import { expandUnits, selectGroups, summarizeOmissions } from '../../../src/core/formats/selection.js';
import { AllineaError } from '../../../src/core/errors.js';
import { seedsFixture } from './fixtures.js';

describe('export selection', () => {
  const fx = seedsFixture();

  it('takes confirmed groups by default and reports every group left out with its reason', () => {
    const s = selectGroups(fx);
    expect(s.langs).toEqual(['it', 'en', 'fr']);
    expect(s.srclang).toBe('*all*');
    expect(s.groups.map((g) => g.group.id)).toEqual(['slogan', 'trio', 'two-it']);
    expect(s.omitted.map((o) => [o.group, o.reason])).toEqual([
      ['it-only', 'single-language'],
      ['g1', 'suggested'],
      ['nope', 'rejected'],
    ]);
    expect(summarizeOmissions(s.omitted)).toBe('left out 3 groups: 1 with one language only, 1 suggested, 1 rejected');
  });

  it('joins the sentences of one document with a space and keeps documents of one language apart', () => {
    const s = selectGroups(fx, { status: 'all' });
    const slogan = s.groups.find((g) => g.group.id === 'slogan')!;
    expect(slogan.byLang.get('it')).toEqual([{ doc: 'it-000', lang: 'it', sentences: [8, 9], text: 'Non dimentichiamo. Non perdoniamo.' }]);
    const twoIt = s.groups.find((g) => g.group.id === 'two-it')!;
    expect(twoIt.byLang.get('it')!.map((v) => v.doc)).toEqual(['it-000', 'it-001']);
    const { units, notices } = expandUnits(s);
    expect(units.map((u) => u.id)).toEqual(['slogan', 'trio', 'two-it', 'two-it.2', 'g1']);
    expect(units[3]!.byLang.get('it')!.doc).toBe('it-001');
    expect(units[3]!.byLang.get('fr')).toBe(units[2]!.byLang.get('fr'));
    expect(notices.map((n) => n.code)).toEqual(['expanded-groups']);
  });

  it('requires languages asked for with --langs, in the order asked', () => {
    const s = selectGroups(fx, { langs: ['FR', 'en', 'it'], status: 'all' });
    expect(s.langs).toEqual(['fr', 'en', 'it']);
    expect(s.groups.map((g) => g.group.id)).toEqual(['trio']);
    expect(summarizeOmissions(s.omitted)).toBe('left out 5 groups: 2 without en, 1 without fr, en, 1 without fr, 1 rejected');
  });

  it('requires every language for formats without holes, even when none was asked for', () => {
    const s = selectGroups(fx, {}, { requireAllLanguages: true });
    expect(s.groups.map((g) => g.group.id)).toEqual(['trio']);
  });

  it('refuses languages the alignment does not have, repeats, and --langs with --pair', () => {
    expect(() => selectGroups(fx, { langs: ['it', 'de'] })).toThrow(new AllineaError('No document of the alignment is in "de" (languages present: it, en, fr).'));
    expect(() => selectGroups(fx, { langs: ['it', 'IT'] })).toThrow(/asked for twice/);
    expect(() => selectGroups(fx, { langs: ['it'] })).toThrow(/at least two languages/);
    expect(() => selectGroups(fx, { langs: ['it', 'fr'], pair: ['it', 'fr'] })).toThrow(/not both/);
  });
});
