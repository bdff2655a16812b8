/**
 * Expected length of a text in a language, in characters per character of the same text in
 * English. Rough, published-style figures (translation length expansion tables); they only
 * have to move the "far outside" threshold a little, not predict lengths.
 */
export const EXPECTED_LENGTH: Readonly<Record<string, number>> = {
  en: 1.0,
  it: 1.12,
  fr: 1.15,
  es: 1.12,
  pt: 1.1,
  ca: 1.12,
  ro: 1.1,
  de: 1.15,
  nl: 1.12,
  sv: 1.0,
  da: 1.0,
  no: 1.0,
  fi: 1.05,
  pl: 1.05,
  cs: 1.0,
  ru: 1.05,
  el: 1.1,
  tr: 1.0,
  ar: 0.85,
  he: 0.75,
  zh: 0.3,
  ja: 0.4,
  ko: 0.45,
};

/** The language subtag of a BCP 47 tag, lower-cased: "pt-BR" → "pt". */
export function primaryLanguage(tag: string): string {
  return tag.split(/[-_]/)[0]!.toLowerCase();
}

export function expectedLength(lang: string, overrides: Readonly<Record<string, number>>): number {
  const primary = primaryLanguage(lang);
  return overrides[lang] ?? overrides[primary] ?? EXPECTED_LENGTH[primary] ?? 1;
}
