import { cleanup, render } from 'ink-testing-library';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Alignment } from '../../src/core/model/types.js';
import { createI18n } from '../../src/i18n/index.js';
import { App } from '../../src/tui/app.js';
import type { WorkbenchServices } from '../../src/tui/services.js';
import { seedsState } from '../core/session/helpers.js';

afterEach(() => cleanup());

function fakeServices() {
  const calls = { saved: [] as Alignment[], recovery: [] as Alignment[], removed: 0, aligned: 0 };
  const services: WorkbenchServices = {
    save: async (a) => {
      calls.saved.push(a);
    },
    writeRecovery: async (a) => {
      calls.recovery.push(a);
    },
    removeRecovery: async () => {
      calls.removed++;
    },
    runAligner: async (alignment, onProgress) => {
      calls.aligned++;
      onProgress(1, 1);
      const [a, b] = alignment.documents;
      return { mode: 'comparable', suggestions: [{ members: [{ doc: a!.id, sentences: [0] }, { doc: b!.id, sentences: [0] }], score: 0.8 }] };
    },
  };
  return { services, calls };
}

function start(services: WorkbenchServices, onQuit = () => {}) {
  const app = render(
    <I18nextProvider i18n={createI18n('en')}>
      <App initial={seedsState()} services={services} onQuit={onQuit} />
    </I18nextProvider>,
  );
  const keys = async (...chunks: string[]) => {
    for (const chunk of chunks) {
      app.stdin.write(chunk);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const waitFor = (text: string) => vi.waitFor(() => expect(app.lastFrame()).toContain(text), { timeout: 5000, interval: 20 });
  return { app, keys, waitFor };
}

describe('workbench app', () => {
  it('builds the slogan group from key presses, saves with Ctrl-S and quits with q', async () => {
    const { services, calls } = fakeServices();
    const onQuit = vi.fn();
    const { keys, waitFor } = start(services, onQuit);
    await waitFor('it-000');
    await keys('/', 'Non perdoniamo', '\r');
    await waitFor('Found in it-000');
    await keys(' ');
    await waitFor('1 marked');
    await keys('/', '\u0015', 'ne pardonne', '\r');
    await waitFor('Found in fr-003');
    await keys('\r');
    await waitFor('Linked 2 sentences into group g1.');
    await keys('\u0013');
    await waitFor('Saved seeds.align.json.');
    expect(calls.saved).toHaveLength(1);
    const group = calls.saved[0]!.groups[0]!;
    expect(group.members.map((m) => m.doc)).toEqual(['it-000', 'fr-003']);
    await keys('q');
    await vi.waitFor(() => expect(onQuit).toHaveBeenCalled(), { timeout: 5000 });
  });

  it('asks before quitting with unsaved changes and autosaves to the recovery file', async () => {
    const { services, calls } = fakeServices();
    const onQuit = vi.fn();
    const { keys, waitFor } = start(services, onQuit);
    await waitFor('it-000');
    await keys(' ', '\t', '\r');
    await waitFor('group g1');
    await vi.waitFor(() => expect(calls.recovery).toHaveLength(1), { timeout: 6000, interval: 50 });
    expect(calls.recovery[0]!.groups).toHaveLength(1);
    await keys('q');
    await waitFor('unsaved changes');
    expect(onQuit).not.toHaveBeenCalled();
    await keys('\u001b');
    await new Promise((r) => setTimeout(r, 100));
    await keys('q', 'd');
    await vi.waitFor(() => expect(onQuit).toHaveBeenCalled(), { timeout: 5000 });
    expect(calls.saved).toHaveLength(0);
  });

  it('re-runs the aligner from the UI and shows the suggestions', async () => {
    const { services, calls } = fakeServices();
    const { keys, waitFor } = start(services);
    await waitFor('it-000');
    await keys('A');
    await waitFor('1 suggested');
    expect(calls.aligned).toBe(1);
    await waitFor('?g1');
  });
});
