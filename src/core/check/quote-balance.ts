/**
 * Quote and bracket balance of a text, for the unbalanced-quotes rule: the kinds left open or
 * closed too often. A QuoteCount is fed one quote or bracket character at a time, so the
 * signal extractor can count them in the same pass as it looks for numbers (signals.ts).
 */

/** « » “ ” „ " ( ) [ ] { } */
export const QUOTE_CHAR_CLASS = String.raw`«»“”„"()[\]{}`;
const QUOTE_CHARS = new RegExp(`[${QUOTE_CHAR_CLASS}]`, 'g');

/** The kinds of a balanced text (shared: never changed). */
export const BALANCED: readonly string[] = Object.freeze([]);

export function isQuoteChar(c: number): boolean {
  switch (c) {
    case 0xab:
    case 0xbb:
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x22:
    case 0x28:
    case 0x29:
    case 0x5b:
    case 0x5d:
    case 0x7b:
    case 0x7d:
      return true;
    default:
      return false;
  }
}

/** Running counts of one text's quotes and brackets. */
export class QuoteCount {
  private guillemets = 0;
  private low = 0;
  private leftDouble = 0;
  private rightDouble = 0;
  private straight = 0;
  private round = 0;
  private square = 0;
  private curly = 0;

  reset(): void {
    this.guillemets = this.low = this.leftDouble = this.rightDouble = this.straight = this.round = this.square = this.curly = 0;
  }

  /** Counts one character (others are ignored). */
  add(c: number): void {
    switch (c) {
      case 0xab: this.guillemets++; break;
      case 0xbb: this.guillemets--; break;
      case 0x201e: this.low++; break;
      case 0x201c: this.leftDouble++; break;
      case 0x201d: this.rightDouble++; break;
      case 0x22: this.straight++; break;
      case 0x28: this.round++; break;
      case 0x29: this.round--; break;
      case 0x5b: this.square++; break;
      case 0x5d: this.square--; break;
      case 0x7b: this.curly++; break;
      case 0x7d: this.curly--; break;
    }
  }

  /** Counts every quote and bracket of a text, jumping from one to the next (most texts have none). */
  addText(text: string): void {
    QUOTE_CHARS.lastIndex = 0;
    while (QUOTE_CHARS.test(text)) this.add(text.charCodeAt(QUOTE_CHARS.lastIndex - 1));
  }

  /** The kinds left unbalanced: BALANCED, or some of « », „ “ or “ ”, ", ( ), [ ], { }. */
  kinds(): readonly string[] {
    // German „…“ closes with “; English and Italian “…” close with ”.
    const lowOff = this.low > 0 ? this.low !== this.leftDouble + this.rightDouble : this.leftDouble !== this.rightDouble;
    if (this.guillemets === 0 && !lowOff && this.straight % 2 === 0 && this.round === 0 && this.square === 0 && this.curly === 0) return BALANCED;
    const out: string[] = [];
    if (this.guillemets !== 0) out.push('« »');
    if (lowOff) out.push(this.low > 0 ? '„ “' : '“ ”');
    if (this.straight % 2 !== 0) out.push('"');
    if (this.round !== 0) out.push('( )');
    if (this.square !== 0) out.push('[ ]');
    if (this.curly !== 0) out.push('{ }');
    return out;
  }
}

const count = new QuoteCount();

/** The kinds of quotes and brackets a text leaves unbalanced. */
export function unbalancedKinds(text: string): readonly string[] {
  count.reset();
  count.addText(text);
  return count.kinds();
}
