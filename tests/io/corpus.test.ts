import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/io/corpus.js';
import { sha256 } from '../../src/io/hash.js';
import { AllineaError } from '../../src/core/errors.js';
import { SEEDS_DIR } from '../helpers/seeds.js';

const temp = () => mkdtempSync(join(tmpdir(), 'allinea-corpus-'));

describe('loadCorpus', () => {
  it('refuses a named pipe called like a text in a corpus folder, naming it (it was skipped without a word)', () => {
    const dir = temp();
    for (const f of ['000_8f095107cca91a8d.txt', '003_f35f84bb321ab2af.txt']) cpSync(join(SEEDS_DIR, f), join(dir, f));
    const made = spawnSync('mkfifo', [join(dir, 'zz.txt')]);
    if (made.status !== 0) return; // no mkfifo here: nothing to test
    expect(() => loadCorpus([dir], { cwd: dir })).toThrow(/zz\.txt: it is a named pipe/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the seeds through their manifest', () => {
    const corpus = loadCorpus(['seeds'], { cwd: join(SEEDS_DIR, '..') });
    expect(corpus.docs.map((d) => [d.id, d.lang])).toEqual([
      ['it-000', 'it'],
      ['it-001', 'it'],
      ['en-002', 'en'],
      ['fr-003', 'fr'],
      ['en-004', 'en'],
    ]);
    const fr = corpus.docs[3]!;
    expect(fr.path).toBe(join(SEEDS_DIR, '003_f35f84bb321ab2af.txt'));
    expect(fr.sha256).toBe(sha256(fr.text));
    expect(fr.title).toMatch(/Nice/);
  });

  it('detects languages in a folder without a manifest', () => {
    const dir = temp();
    for (const f of ['000_8f095107cca91a8d.txt', '002_d4f6eed8031313f2.txt', '003_f35f84bb321ab2af.txt']) cpSync(join(SEEDS_DIR, f), join(dir, f));
    writeFileSync(join(dir, 'notes.json'), '{}'); // not a text file: ignored
    const corpus = loadCorpus([dir], { cwd: '/' });
    expect(corpus.docs.map((d) => [d.id, d.lang])).toEqual([
      ['000_8f095107cca91a8d', 'it'],
      ['002_d4f6eed8031313f2', 'en'],
      ['003_f35f84bb321ab2af', 'fr'],
    ]);
    expect([...corpus.langSource.values()]).toEqual(['detected', 'detected', 'detected']);
  });

  it('takes a list of files with --lang, and makes ids unique', () => {
    const dir = temp();
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'a', 'text.txt'), 'Guten Tag. Wie geht es?');
    writeFileSync(join(dir, 'b', 'text.txt'), 'Gut, danke.');
    const corpus = loadCorpus(['a/text.txt', 'b/text.txt'], { cwd: dir, lang: 'de' });
    expect(corpus.docs.map((d) => [d.id, d.lang])).toEqual([
      ['text', 'de'],
      ['text-2', 'de'],
    ]);
  });

  it('fails with one clear sentence on bad input', () => {
    const dir = temp();
    expect(() => loadCorpus([join(dir, 'missing')], { cwd: dir })).toThrow(/missing: it does not exist\.$/);
    expect(() => loadCorpus([dir], { cwd: dir })).toThrow(/holds no text files/);
    writeFileSync(join(dir, 'bin.txt'), Buffer.from([0x41, 0x00, 0x42]));
    expect(() => loadCorpus([join(dir, 'bin.txt')], { cwd: dir })).toThrow(/binary file/);
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    expect(() => loadCorpus([join(dir, 'latin1.txt')], { cwd: dir })).toThrow(/not valid UTF-8/);
    rmSync(join(dir, 'bin.txt'));
    rmSync(join(dir, 'latin1.txt'));
    writeFileSync(join(dir, 'corpus.json'), JSON.stringify({ documents: [{ id: 'a b', file: 'x.txt', lang: 'it' }] }));
    expect(() => loadCorpus([dir], { cwd: dir })).toThrow(AllineaError);
    expect(() => loadCorpus([dir], { cwd: dir })).toThrow(/documents\[0\]\.id: use letters/);
  });

  it('in a list of files, refuses a folder or a missing file with its own sentence, and hashes each text as its bytes', () => {
    const dir = temp();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.txt'), '\ufeffCiao. Città è bella.');
    writeFileSync(join(dir, 'b.txt'), 'Hello. Bye.');
    expect(() => loadCorpus(['a.txt', 'sub'], { cwd: dir })).toThrow(/^Give either one corpus folder or a list of files, not both\.$/);
    expect(() => loadCorpus(['a.txt', 'nope.txt'], { cwd: dir })).toThrow(/nope\.txt: it does not exist\.$/);
    expect(() => loadCorpus(['a.txt', 'x.align.json'], { cwd: dir })).toThrow(/x\.align\.json: it does not exist\.$/);
    writeFileSync(join(dir, 'x.align.json'), '{}');
    expect(() => loadCorpus(['a.txt', 'x.align.json'], { cwd: dir })).toThrow(/is an alignment file/);
    const corpus = loadCorpus(['a.txt', 'b.txt'], { cwd: dir, lang: 'it' });
    expect(corpus.docs[0]!.text).toBe('Ciao. Città è bella.');
    // The file's bytes without the BOM, as the alignment file stores them.
    expect(corpus.docs.map((d) => d.sha256)).toEqual([sha256('Ciao. Città è bella.'), sha256('Hello. Bye.')]);
    expect({ ...corpus.docs[1]! }.sha256).toBe(sha256('Hello. Bye.'));
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads the language detector and the manifest schema only for inputs that need them', async () => {
    const { corpusHelpers, loadCorpusFiles } = await import('../../src/io/corpus-files.js');
    const dir = temp();
    writeFileSync(join(dir, 'a.txt'), 'Ciao. Come stai?');
    writeFileSync(join(dir, 'b.txt'), 'Hello. How are you?');
    const given = await corpusHelpers(['a.txt', 'b.txt'], { cwd: dir, lang: 'it' });
    expect(given).toEqual({});
    expect(loadCorpusFiles(['a.txt', 'b.txt'], { cwd: dir, lang: 'it', ...given }).docs.map((d) => d.lang)).toEqual(['it', 'it']);
    const detected = await corpusHelpers(['a.txt', 'b.txt'], { cwd: dir });
    expect(Object.keys(detected)).toEqual(['detect']);
    expect(Object.keys(await corpusHelpers(['seeds'], { cwd: join(SEEDS_DIR, '..') }))).toEqual(['manifestSchema']);
    expect(loadCorpusFiles(['seeds'], { cwd: join(SEEDS_DIR, '..'), ...(await corpusHelpers(['seeds'], { cwd: join(SEEDS_DIR, '..') })) }).docs).toHaveLength(5);
    rmSync(dir, { recursive: true, force: true });
  });
});
