import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveViewPaths } from '../../src/cli/commands/view.js';
import { DEFAULT_ALIGNMENT, DEFAULT_CORPUS } from '../../src/cli/paths.js';
import { link } from '../../src/core/model/operations.js';
import { readAlignmentFile } from '../../src/io/alignment-file.js';
import { findRecovery, recoveryPath, saveAlignment } from '../../src/tui/workbench-files.js';
import { cli } from '../helpers/cli.js';
import { REPO_ROOT, seedsAlignment, tempWorkspace } from '../helpers/seeds.js';

describe('allinea view', () => {
  it('exits 2 with one sentence when there is no terminal, with or without arguments', async () => {
    for (const args of [[], ['view'], ['view', 'seeds']]) {
      const result = await cli(args);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain('needs an interactive terminal');
    }
    const italian = await cli(['view', '--lang', 'it']);
    expect(italian.stderr).toContain('richiede un terminale interattivo');
  });

  it('refuses a broken allinea.config.json in one sentence, as check does, before taking the screen', async () => {
    const dir = tempWorkspace();
    writeFileSync(join(dir, 'allinea.config.json'), '{"rules": {"number-mismatch": "loud"}}');
    const result = await cli(['view'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('allinea.config.json');
    expect(result.stderr).not.toContain('needs an interactive terminal');
    const check = await cli(['check', '--config', 'allinea.config.json', 'x.align.json'], { cwd: dir });
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('allinea.config.json');
  });

  it('describes itself in --help without starting', async () => {
    const result = await cli(['view', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--alignment');
    expect(result.stdout).toContain('interface language');
  });

  it('opens the seeds by default and puts a new alignment under alignments/', () => {
    // Outside the repository the seeds' alignment is saved in the working folder, never in the package.
    expect(resolveViewPaths({ inputs: [] }, '/x')).toEqual({ corpus: [DEFAULT_CORPUS], alignmentPath: '/x/seeds.align.json' });
    expect(resolveViewPaths({ inputs: [] }, REPO_ROOT)).toEqual({ corpus: [DEFAULT_CORPUS], alignmentPath: DEFAULT_ALIGNMENT });
    expect(resolveViewPaths({ inputs: ['corpus'] }, '/x')).toEqual({ corpus: ['/x/corpus'], alignmentPath: '/x/alignments/corpus.align.json' });
    // What `allinea align it.txt fr.txt` wrote (./it.align.json) is opened when alignments/ has none.
    expect(resolveViewPaths({ inputs: ['it.txt', 'fr.txt'] }, '/x', (p) => p === '/x/it.align.json').alignmentPath).toBe('/x/it.align.json');
    expect(resolveViewPaths({ inputs: ['it.txt', 'fr.txt'] }, '/x', () => true).alignmentPath).toBe('/x/alignments/it.align.json');
    expect(resolveViewPaths({ inputs: ['it.txt', 'fr.txt'] }, '/x', () => false).alignmentPath).toBe('/x/alignments/it.align.json');
    // A new alignment file named alone is made over the default corpus.
    expect(resolveViewPaths({ inputs: ['a.align.json'] }, '/x')).toEqual({ corpus: [DEFAULT_CORPUS], alignmentPath: '/x/a.align.json' });
    expect(resolveViewPaths({ inputs: [], alignment: 'new.align.json' }, '/x')).toEqual({ corpus: [DEFAULT_CORPUS], alignmentPath: '/x/new.align.json' });
    expect(resolveViewPaths({ inputs: ['c'], alignment: 'out/b.align.json' }, '/x').alignmentPath).toBe('/x/out/b.align.json');
  });
});

describe('workbench files', () => {
  it('saves into a folder it creates and names the recovery file after the alignment', () => {
    const dir = tempWorkspace();
    const { alignment, texts } = seedsAlignment();
    const path = join(dir, 'alignments', 'seeds.align.json');
    saveAlignment(path, alignment, texts);
    expect(readAlignmentFile(path).alignment.documents).toHaveLength(5);
    expect(recoveryPath(path)).toBe(join(dir, 'alignments', 'seeds.align.recovery.json'));
  });

  it('offers a recovery file only when it is newer and over the same documents', () => {
    const dir = tempWorkspace();
    const { alignment, texts } = seedsAlignment();
    const path = join(dir, 'alignments', 'seeds.align.json');
    expect(findRecovery(path, alignment)).toBeUndefined();
    const changed = link(alignment, [{ doc: 'it-000', sentence: 0 }, { doc: 'fr-003', sentence: 0 }]).alignment;
    saveAlignment(recoveryPath(path), changed, texts);
    // No alignment file yet: the recovery holds the only work there is.
    expect(findRecovery(path, alignment)?.groups).toHaveLength(1);
    saveAlignment(path, alignment, texts);
    const past = new Date(Date.now() - 60_000);
    utimesSync(recoveryPath(path), past, past);
    expect(findRecovery(path, alignment)).toBeUndefined();
    const future = new Date(Date.now() + 60_000);
    utimesSync(recoveryPath(path), future, future);
    expect(findRecovery(path, alignment)?.groups).toHaveLength(1);
    // A recovery file for other documents is ignored.
    const other = { ...alignment, documents: alignment.documents.map((d) => ({ ...d, sha256: '0'.repeat(64) })) };
    expect(findRecovery(path, other)).toBeUndefined();
    mkdirSync(join(dir, 'x'));
    writeFileSync(join(dir, 'x', 'bad.align.recovery.json'), '{not json');
    expect(findRecovery(join(dir, 'x', 'bad.align.json'), alignment)).toBeUndefined();
    expect(existsSync(recoveryPath(path))).toBe(true);
  });
});

describe('lazy loading', () => {
  it('imports ink, react and the TUI only inside the view action', async () => {
    const { readFileSync } = await import('node:fs');
    const { REPO_ROOT } = await import('../helpers/seeds.js');
    for (const file of ['src/cli/program.ts', 'src/cli/commands/view.ts', 'src/cli/main.ts']) {
      const staticImports = readFileSync(join(REPO_ROOT, file), 'utf8')
        .split('\n')
        .filter((l) => /^import\s/.test(l));
      for (const line of staticImports) expect(line, `${file}: ${line}`).not.toMatch(/'(ink|react|react-i18next|i18next)'|\/tui\/|\/i18n\//);
    }
  });
});

describe('aligner run from the workbench', () => {
  it('suggests groups around the confirmed ones, off the UI thread, with progress', async () => {
    const { runAligner } = await import('../../src/tui/workbench-files.js');
    const { alignment, texts } = seedsAlignment();
    const confirmed = link(alignment, [{ doc: 'it-000', sentence: 0 }, { doc: 'fr-003', sentence: 0 }]).alignment;
    let progress = 0;
    const run = await runAligner(confirmed, texts, () => progress++, new AbortController().signal);
    expect(run.suggestions.length).toBeGreaterThan(0);
    expect(progress).toBeGreaterThan(0);
    for (const s of run.suggestions) {
      expect(s.members.some((m) => (m.doc === 'it-000' || m.doc === 'fr-003') && m.sentences.includes(0))).toBe(false);
    }
  });

  it('stops when cancelled', async () => {
    const { runAligner } = await import('../../src/tui/workbench-files.js');
    const { alignment, texts } = seedsAlignment();
    const controller = new AbortController();
    const run = runAligner(alignment, texts, () => {}, controller.signal);
    controller.abort();
    await expect(run).rejects.toThrow('cancelled');
  });
});
