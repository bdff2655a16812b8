/** Group colours: a stable palette slot per group id (selectors.paletteSlot); none under NO_COLOR. */
import { PALETTE_SIZE } from '../core/session/selectors.js';

export const PALETTE = [
  'cyan',
  'magenta',
  'yellow',
  'green',
  'blue',
  'red',
  'cyanBright',
  'magentaBright',
  'yellowBright',
  'greenBright',
  'blueBright',
  'redBright',
] as const;

if (PALETTE.length !== PALETTE_SIZE) throw new Error('palette size mismatch');

export function groupColor(slot: number | undefined, colors: boolean): string | undefined {
  return colors && slot !== undefined ? PALETTE[slot % PALETTE.length] : undefined;
}

/** Colour switched off when the user asked for none (https://no-color.org). */
export function colorsEnabled(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.NO_COLOR === undefined || env.NO_COLOR === '';
}
