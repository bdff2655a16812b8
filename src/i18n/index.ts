/**
 * The interface-text i18next instance. Resources are bundled from locales/*.json (same keys
 * in every language; tests/i18n checks this), so nothing is loaded asynchronously.
 */
// Bundled with the code (also into the dist/ bundle), so no file is looked up at run time.
import en from './locales/en.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };
import it from './locales/it.json' with { type: 'json' };
import i18next, { type i18n, type TFunction } from 'i18next';
import type { Message } from '../core/session/types.js';

export const LOCALES = ['en', 'it', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

export type LocaleResource = Record<string, Record<string, string>>;

const RESOURCES: Readonly<Record<Locale, LocaleResource>> = { en, it, fr };

/** One locale's strings. */
export function localeResource(locale: Locale): LocaleResource {
  return RESOURCES[locale];
}

/** A ready, synchronous i18next instance for one interface language (English as fallback). */
export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: 'en',
    // The chosen language and English, the fallback for anything missing.
    resources: Object.fromEntries([...new Set<Locale>([locale, 'en'])].map((l) => [l, { translation: localeResource(l) }])),
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    showSupportNotice: false,
  } as Parameters<typeof instance.init>[0]);
  return instance;
}

/** Translates a reducer message; a parameter named `...Key` is an i18n key translated first. */
export function translateMessage(t: TFunction, message: Message): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) {
    // A nested message gets the same parameters (its {{group}}, {{count}}…).
    params[name] = name.endsWith('Key') && typeof value === 'string' ? String(t(value, message.params)) : value;
  }
  return String(t(message.key, params));
}
