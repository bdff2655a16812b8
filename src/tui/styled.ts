/**
 * Styled text as plain strings with SGR codes. The document panes draw each screen row as one
 * string: a few dozen Ink nodes per frame instead of several hundred keeps a key press to
 * frame well under a display refresh. Colours are left out when the user asked for none.
 */
export interface Style {
  readonly color?: string;
  readonly bold?: boolean;
  readonly dim?: boolean;
  readonly underline?: boolean;
  readonly inverse?: boolean;
  readonly strikethrough?: boolean;
}

const COLOR_CODES: Readonly<Record<string, number>> = {
  black: 30,
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  magenta: 35,
  cyan: 36,
  white: 37,
  gray: 90,
  redBright: 91,
  greenBright: 92,
  yellowBright: 93,
  blueBright: 94,
  magentaBright: 95,
  cyanBright: 96,
  whiteBright: 97,
};

export function styled(text: string, style: Style): string {
  if (text === '') return '';
  const codes: number[] = [];
  if (style.bold) codes.push(1);
  if (style.dim) codes.push(2);
  if (style.underline) codes.push(4);
  if (style.inverse) codes.push(7);
  if (style.strikethrough) codes.push(9);
  const color = style.color ? COLOR_CODES[style.color] : undefined;
  if (color !== undefined) codes.push(color);
  return codes.length === 0 ? text : `\u001b[${codes.join(';')}m${text}\u001b[0m`;
}
