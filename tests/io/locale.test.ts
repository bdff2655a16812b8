import { describe, expect, it } from 'vitest';
import { uiLanguageFromEnv } from '../../src/io/locale.js';

describe('uiLanguageFromEnv', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(uiLanguageFromEnv({ LC_ALL: 'fr_FR.UTF-8', LANG: 'it_IT.UTF-8' })).toBe('fr');
    expect(uiLanguageFromEnv({ LC_MESSAGES: 'it_CH', LANG: 'fr_FR' })).toBe('it');
    expect(uiLanguageFromEnv({ LANG: 'it_IT.UTF-8' })).toBe('it');
    expect(uiLanguageFromEnv({ LANG: 'C.UTF-8' })).toBe('en');
    expect(uiLanguageFromEnv({ LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(uiLanguageFromEnv({})).toBe('en');
  });
});
