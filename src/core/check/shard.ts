/**
 * `--shard I/N`: splits the file list deterministically for CI matrices. Paths are sorted
 * (code-unit order, so every machine agrees) and file k goes to shard (k mod N) + 1; each
 * file is in exactly one shard and the shards differ in size by at most one file.
 */
export interface Shard {
  readonly index: number; // 1-based
  readonly count: number;
}

export function parseShard(value: string): Shard | undefined {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) return undefined;
  return { index, count };
}

export function selectShard<T>(items: readonly T[], key: (item: T) => string, shard: Shard): T[] {
  const sorted = items.slice().sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return sorted.filter((_, k) => k % shard.count === shard.index - 1);
}
