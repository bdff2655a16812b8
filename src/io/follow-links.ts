import { lstatSync, readlinkSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The file a path names once symbolic links are followed, also when the last link dangles
 * (the file is then created where it points). Saves write there, so a link stays a link, and
 * an alignment opened through a link finds its documents beside the file it points to.
 */
export function followLinks(path: string): string {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let stats: Stats;
    try {
      stats = lstatSync(current);
    } catch {
      return current; // does not exist (yet)
    }
    if (!stats.isSymbolicLink()) return current;
    current = resolve(dirname(current), readlinkSync(current));
  }
  return current; // a loop of links: whatever uses it fails with the system's message
}
