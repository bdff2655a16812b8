/**
 * Search matches picked out in styled text: the document panes and the row view's cells use the
 * same look, so a match found with `/` is visible wherever the cursor lands. Matches that cross a
 * wrapped line end are not marked (each screen line is matched on its own).
 */
import { styled, type Style } from './styled.js';

export function compileHighlight(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'giu');
  } catch {
    return undefined;
  }
}

export function withMatches(text: string, search: RegExp | undefined, base: Style, colors: boolean): string {
  if (!search) return styled(text, base);
  let out = '';
  let last = 0;
  for (const match of text.matchAll(search)) {
    if (match[0] === '') continue;
    out += styled(text.slice(last, match.index), base);
    out += styled(match[0], { ...base, underline: true, bold: true, ...(colors ? { color: 'yellowBright' } : {}) });
    last = match.index + match[0].length;
  }
  return out + styled(text.slice(last), base);
}
