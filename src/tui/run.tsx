/** @jsxRuntime automatic @jsxImportSource react */
/**
 * Runs the workbench in a real terminal: alternate screen in, Ink app, alternate screen out.
 * The terminal is restored however the app ends (quit, SIGINT, SIGTERM, SIGHUP, a crash),
 * and unsaved work is written to the recovery file when a signal ends it.
 */
import { render } from 'ink';
import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import type { Alignment } from '../core/model/types.js';
import { isDirty } from '../core/session/selectors.js';
import type { EditorState } from '../core/session/types.js';
import { anchoredStdout } from './anchored-stdout.js';
import { App } from './app.js';
import { installInkRowCache } from './ink-row-cache.js';
// Re-exported so a test can ask the dist/ bundle whether its own copy of Ink got the row cache.
export { installInkRowCache };
import type { WorkbenchServices } from './services.js';
import { terminalMessage } from '../core/display/sanitize.js';

const ENTER_ALT_SCREEN = '\u001b[?1049h\u001b[H\u001b[2J';
const LEAVE_ALT_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';

/** Ink render options of the workbench (shared with the benchmark). */
export const RENDER_OPTIONS = {
  exitOnCtrlC: false,
  patchConsole: false,
  // Only the rows that changed are written. Ink 6.8 starts each such redraw one row too low
  // when the frame leaves the last row free; Ink draws on anchoredStdout, which fixes that.
  incrementalRendering: true,
  maxFps: 60,
} as const;

export interface RunOptions {
  readonly initial: EditorState;
  readonly services: WorkbenchServices;
  readonly i18n: i18n;
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly autosaveDelayMs?: number;
  /** Synchronous recovery write, for signals (no time for promises). */
  readonly writeRecoverySync: (alignment: Alignment) => void;
}

export async function runWorkbench(options: RunOptions): Promise<number> {
  const { stdout } = options;
  let latest = options.initial;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    stdout.write(LEAVE_ALT_SCREEN + SHOW_CURSOR);
  };
  await installInkRowCache();
  stdout.write(ENTER_ALT_SCREEN);
  const instance = render(
    <I18nextProvider i18n={options.i18n}>
      <App
        initial={options.initial}
        services={options.services}
        onState={(s) => (latest = s)}
        {...(options.autosaveDelayMs !== undefined ? { autosaveDelayMs: options.autosaveDelayMs } : {})}
      />
    </I18nextProvider>,
    { stdin: options.stdin, stdout: anchoredStdout(stdout), stderr: options.stderr, ...RENDER_OPTIONS },
  );

  const saveUnsaved = () => {
    try {
      if (isDirty(latest)) options.writeRecoverySync(latest.history.present);
    } catch {
      // Nothing more can be done while the process is being killed.
    }
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const codes: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  const onSignal = (signal: NodeJS.Signals) => {
    saveUnsaved();
    instance.unmount();
    restore();
    process.exit(codes[signal] ?? 1);
  };
  const onCrash = (error: unknown) => {
    saveUnsaved();
    try {
      instance.unmount();
    } catch {
      // The tree may be what crashed.
    }
    restore();
    const message = error instanceof Error ? error.message : String(error);
    options.stderr.write(`allinea: the workbench stopped on an unexpected error: ${terminalMessage(message.split('\n')[0] ?? '')} (unsaved work is in the recovery file).\n`);
    if (process.env.ALLINEA_DEBUG === '1' && error instanceof Error) options.stderr.write(`${error.stack}\n`);
    process.exit(1);
  };
  for (const signal of signals) process.on(signal, onSignal);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  process.on('exit', restore);
  try {
    await instance.waitUntilExit();
    return 0;
  } catch (error) {
    onCrash(error);
    return 1;
  } finally {
    restore();
    for (const signal of signals) process.off(signal, onSignal);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    process.off('exit', restore);
  }
}
