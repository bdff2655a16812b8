/** @jsxRuntime automatic @jsxImportSource react */
/**
 * The workbench shell: holds the editor state in useReducer, turns keys into commands via
 * the keymap table, follows terminal resizes and performs the effects the reducer asks for.
 * Drawing is Screen's job; deciding is the reducer's.
 */
import { useApp, useInput, useStdout, type Key } from 'ink';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { reduce } from '../core/session/reducer.js';
import type { Action, EditorState } from '../core/session/types.js';
import { keyEvents } from './key-name.js';
import { Screen } from './screen.js';
import type { WorkbenchServices } from './services.js';

export const AUTOSAVE_DELAY_MS = 2000;

/** The actions for one input event: a key press each, with its keymap name and typed text. */
export function keyActions(input: string, key: Key): Action[] {
  // The time of the press: keys typed right after a failed command are kept as text (reducer).
  const at = Date.now();
  return keyEvents(input, key).map((e) => ({ type: 'key', name: e.name, text: e.text, at }));
}

function useEffectsRunner(state: EditorState, dispatch: (a: Action) => void, services: WorkbenchServices, onQuit: () => void): void {
  const aligner = useRef<AbortController | undefined>(undefined);
  useEffect(() => {
    const effects = state.effects;
    if (effects.length === 0) return;
    dispatch({ type: 'effects-taken', upTo: effects[effects.length - 1]!.id });
    for (const effect of effects) {
      switch (effect.type) {
        case 'save':
          services
            .save(effect.alignment, effect.force ? { force: true } : {})
            .then(() => services.removeRecovery())
            .then(
              () => dispatch({ type: 'saved', alignment: effect.alignment, thenQuit: effect.thenQuit }),
              (error: unknown) =>
                error instanceof Error && error.name === 'SaveConflict'
                  ? dispatch({ type: 'save-conflict', thenQuit: effect.thenQuit })
                  : dispatch({ type: 'save-failed', message: error instanceof Error ? error.message : String(error) }),
            );
          break;
        case 'quit':
          void services.removeRecovery().finally(onQuit);
          break;
        case 'run-aligner': {
          const controller = new AbortController();
          aligner.current = controller;
          let last = 0;
          const startedAt = Date.now();
          const onProgress = (done: number, total: number) => {
            const now = Date.now();
            if (now - last < 100 && done < total) return;
            last = now;
            dispatch({ type: 'aligner-progress', done, total, elapsedMs: now - startedAt });
          };
          // Let the "aligning" frame reach the screen before the aligner takes the CPU.
          setTimeout(() => {
            services.runAligner(effect.alignment, onProgress, controller.signal).then(
              (run) => {
                if (controller.signal.aborted) dispatch({ type: 'aligner-failed', message: 'cancelled', cancelled: true });
                else dispatch({ type: 'aligner-done', suggestions: run.suggestions, mode: run.mode });
              },
              (error: unknown) =>
                dispatch({
                  type: 'aligner-failed',
                  message: error instanceof Error ? error.message : String(error),
                  cancelled: controller.signal.aborted,
                  // The worker thread did not start: said on screen, never run on this thread instead.
                  unavailable: error instanceof Error && error.name === 'WorkerUnavailable',
                }),
            );
          }, 30);
          break;
        }
        case 'cancel-aligner':
          aligner.current?.abort();
          break;
      }
    }
  }, [state.effects, dispatch, services, onQuit]);
}

/** Writes unsaved work to the recovery file at most AUTOSAVE_DELAY_MS after a change. */
function useAutosave(state: EditorState, services: WorkbenchServices, delayMs: number): void {
  const latest = useRef(state);
  latest.current = state;
  const timer = useRef<NodeJS.Timeout | undefined>(undefined);
  const written = useRef(state.saved);
  useEffect(() => {
    if (timer.current || state.history.present === written.current) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      const { history, saved } = latest.current;
      written.current = history.present;
      void (history.present === saved ? services.removeRecovery() : services.writeRecovery(history.present)).catch(() => undefined);
    }, delayMs);
  }, [state.history.present, services, delayMs]);
  useEffect(() => () => clearTimeout(timer.current), []);
}

export interface AppProps {
  readonly initial: EditorState;
  readonly services: WorkbenchServices;
  /** Called after the app decided to quit (the caller unmounts and restores the terminal). */
  readonly onQuit?: () => void;
  /** Told every new state (the runner keeps the latest to save unsaved work on a signal). */
  readonly onState?: (state: EditorState) => void;
  /** Delay between a change and its autosave to the recovery file. */
  readonly autosaveDelayMs?: number;
}

export function App({ initial, services, onQuit, onState, autosaveDelayMs = AUTOSAVE_DELAY_MS }: AppProps) {
  const [state, dispatch] = useReducer(reduce, initial);
  const { exit } = useApp();
  const { stdout } = useStdout();
  const quit = useCallback(() => {
    onQuit?.();
    exit();
  }, [exit, onQuit]);

  useInput((input, key) => {
    // Only dispatch: the reducer sees the current state, this closure may not.
    for (const action of keyActions(input, key)) dispatch(action);
  });

  useEffect(() => {
    const onResize = () => dispatch({ type: 'resize', size: { columns: stdout.columns || 80, rows: stdout.rows || 24 } });
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);

  useEffect(() => {
    onState?.(state);
  }, [state, onState]);
  useEffectsRunner(state, dispatch, services, quit);
  useAutosave(state, services, autosaveDelayMs);
  return <Screen state={state} />;
}
