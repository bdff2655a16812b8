/** it-it → it-IT, EN → en: the usual case of BCP 47 subtags (tags are case-insensitive). */
export function normalizeLang(tag: string): string {
  return tag
    .trim()
    .split(/[-_]/)
    .map((part, i) => (i === 0 ? part.toLowerCase() : part.length === 2 ? part.toUpperCase() : part.length === 4 ? part[0]!.toUpperCase() + part.slice(1).toLowerCase() : part.toLowerCase()))
    .join('-');
}
