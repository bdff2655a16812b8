/** Document ids from file names, and unique names (no schema here: the CLI loads this cheaply). */

/** A document id from a file name: its stem, reduced to characters that read well in ids. */
export function idFromFileName(fileName: string): string {
  return idPart(fileName.replace(/\.[^.]*$/, ''));
}

/** Letters (any script, composed), digits, ".", "_" and "-"; runs of anything else become "-". */
function idPart(text: string, fallback = 'doc'): string {
  const id = text
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '-')
    .replace(/^[-._]+|[-._]+$/g, '');
  return id || fallback;
}

/**
 * Document ids for files named `fileNames` (base names), for a new alignment: each file's stem
 * (città.txt -> città), except that files whose stems are the same and whose extensions are
 * not (dev.de, dev.fr: a parallel corpus named by language) keep the extension as a suffix
 * (dev-de, dev-fr, as allinea import names them). What is still the same gets -2, -3, ...
 */
export function idsFromFileNames(fileNames: readonly string[]): string[] {
  const parts = fileNames.map((name) => {
    const m = /^(.+)\.([^.]*)$/.exec(name);
    return { stem: idPart(m ? m[1]! : name), ext: m ? idPart(m[2]!, '') : '' };
  });
  const extensions = new Map<string, Set<string>>();
  for (const { stem, ext } of parts) {
    const set = extensions.get(stem) ?? new Set<string>();
    set.add(ext);
    extensions.set(stem, set);
  }
  return uniqueIds(parts.map(({ stem, ext }) => (extensions.get(stem)!.size > 1 && ext ?  `${stem}-${ext}` : stem)));
}

/** Work counter (for tests): candidate ids tried by uniqueIds. */
export const uniqueIdWork = { tried: 0 };

/**
 * Makes ids unique by suffixing -2, -3, ... in order of appearance; a suffixed id never takes
 * an id that is in the list itself (a, a, a-2 -> a, a-3, a-2). Each id's next suffix is
 * remembered, so many files sharing a stem cost linear work, not a search from -2 each time.
 */
export function uniqueIds(ids: readonly string[]): string[] {
  const taken = new Set(ids);
  const used = new Set<string>();
  const nextSuffix = new Map<string, number>();
  return ids.map((id) => {
    uniqueIdWork.tried++;
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
    let n = nextSuffix.get(id) ?? 2;
    let candidate = `${id}-${n}`;
    uniqueIdWork.tried++;
    while (taken.has(candidate) || used.has(candidate)) {
      n++;
      candidate = `${id}-${n}`;
      uniqueIdWork.tried++;
    }
    nextSuffix.set(id, n + 1);
    used.add(candidate);
    return candidate;
  });
}
