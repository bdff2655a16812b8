/** The interface language from the environment, as POSIX does: LC_ALL, then LC_MESSAGES, then LANG. */
export const UI_LANGUAGES = ['en', 'it', 'fr'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export function uiLanguageFromEnv(env: Readonly<Record<string, string | undefined>>): UiLanguage {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    if (!value) continue;
    if (value === 'C' || value === 'POSIX' || value.startsWith('C.')) return 'en';
    const lang = value.split(/[_.@-]/)[0]!.toLowerCase();
    return (UI_LANGUAGES as readonly string[]).includes(lang) ? (lang as UiLanguage) : 'en';
  }
  return 'en';
}

export function isUiLanguage(value: string): value is UiLanguage {
  return (UI_LANGUAGES as readonly string[]).includes(value);
}
