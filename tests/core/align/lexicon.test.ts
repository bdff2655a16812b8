import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  decodeDictdNumber,
  langPairFromName,
  parseFreedict,
  parseHunalignDictionary,
  parseTsvLexicon,
  translationsFor,
} from '../../../src/core/align/lexicon.js';

/** Builds a dictd database (.index + .dict) the way dictfmt does, base64 offsets included. */
function dictd(articles: [string, string][]): { index: string; dict: Uint8Array } {
  const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const enc = (n: number): string => {
    let s = '';
    do {
      s = b64[n % 64] + s;
      n = Math.floor(n / 64);
    } while (n > 0);
    return s;
  };
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const lines: string[] = [];
  let offset = 0;
  for (const [head, body] of articles) {
    const bytes = encoder.encode(body);
    lines.push(`${head}\t${enc(offset)}\t${enc(bytes.length)}`);
    chunks.push(bytes);
    offset += bytes.length;
  }
  const dict = new Uint8Array(offset);
  let at = 0;
  for (const c of chunks) {
    dict.set(c, at);
    at += c.length;
  }
  return { index: `${lines.join('\n')}\n`, dict };
}

describe('lexicon formats', () => {
  it('reads hunalign dictionaries (target phrase first)', () => {
    const lex = parseHunalignDictionary('dimenticare @ oublier\nperdonare @ pardonner\nbad line\n', { name: 'x.dic', source: 'fr', target: 'it' });
    expect(lex.entries.get('oublier')).toEqual(['dimenticare']);
    expect(lex.entries.get('pardonner')).toEqual(['perdonare']);
    expect(lex.entries.size).toBe(2);
  });

  it('reads TSV with comments and comma-separated alternatives, accent-folded', () => {
    const lex = parseTsvLexicon('# fr-it\nliberté\tlibertà\noublier\tdimenticare, scordare\n', { name: 'fr-it.tsv', a: 'fr', b: 'it' });
    expect(lex.entries.get('liberte')).toEqual(['liberta']);
    expect(lex.entries.get('oublier')).toEqual(['dimenticare', 'scordare']);
  });

  it('reads FreeDict articles: numbered senses are translations, definitions are not', () => {
    const { index, dict } = dictd([
      ['00databaseshort', 'français-italiano FreeDict+WikDict dictionary\n'],
      ['oublier', 'oublier /u.bli.je/ <v>\n1. dimenticare\n2. dimenticare, scordare 2.\nPerdre le souvenir\n 3.\n'],
      ['pardonner', 'pardonner /paʁ.dɔ.ne/ <v>\nperdonare\nAccorder le pardon d’une faute commise\n'],
    ]);
    expect(gzipSync(dict).length).toBeGreaterThan(0);
    const lex = parseFreedict(index, dict, { name: 'freedict-fra-ita', a: 'fr', b: 'it' });
    expect(lex.entries.get('oublier')).toEqual(['dimenticare', 'scordare']);
    expect(lex.entries.get('pardonner')).toEqual(['perdonare']);
    expect(lex.entries.has('00databaseshort')).toBe(false);
  });

  it('decodes dictd base64 numbers', () => {
    expect(decodeDictdNumber('A')).toBe(0);
    expect(decodeDictdNumber('BA')).toBe(64);
    expect(decodeDictdNumber('Ixf3')).toBe(((8 * 64 + 49) * 64 + 31) * 64 + 55);
  });

  it('guesses language pairs from file names', () => {
    expect(langPairFromName('/usr/share/dictd/freedict-fra-ita.index')).toEqual({ a: 'fr', b: 'it' });
    expect(langPairFromName('lexicons/en_hu.dic')).toEqual({ a: 'en', b: 'hu' });
    expect(langPairFromName('words.tsv')).toBeUndefined();
  });

  it('serves a lexicon in both directions, only for its language pair', () => {
    const lex = parseTsvLexicon('oublier\tdimenticare\n', { name: 'fr-it', a: 'fr', b: 'it' });
    expect(translationsFor([lex], 'fr', 'it').get('oublier')).toEqual(['dimenticare']);
    expect(translationsFor([lex], 'it', 'fr').get('dimenticare')).toEqual(['oublier']);
    expect(translationsFor([lex], 'en', 'fr').size).toBe(0);
  });
});
