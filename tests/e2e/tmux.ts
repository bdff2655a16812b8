/** Drives the real program in a detached tmux session on a private server socket. */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, vi } from 'vitest';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

let counter = 0;

export class TmuxSession {
  // Test files may share one process (vitest threads), each with its own counter: a random part
  // keeps two files' sessions off each other's server.
  readonly socket = `allinea-e2e-${process.pid}-${randomBytes(4).toString('hex')}-${++counter}`;
  readonly name = 'wb';

  constructor(command: string, columns = 160, rows = 40) {
    this.tmux('new-session', '-d', '-s', this.name, '-x', String(columns), '-y', String(rows), command);
  }

  tmux(...args: string[]): string {
    const result = spawnSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`tmux ${args[0]} failed: ${result.stderr}`);
    return result.stdout;
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', this.name);
  }

  /** Named keys ("Enter", "Space", "C-s", "Tab"). */
  keys(...keys: string[]): void {
    this.untilRawMode();
    this.tmux('send-keys', '-t', this.name, ...keys);
  }

  /** Literal text, as typed. */
  type(text: string): void {
    this.untilRawMode();
    this.tmux('send-keys', '-t', this.name, '-l', text);
  }

  private rawSeen = false;

  /**
   * Before the first key: waits (up to 15 s) until the program has put the pane's terminal in
   * raw mode. The first frame can be on screen a moment before Ink reads keys; a key sent in
   * that moment goes to the terminal's line discipline instead (Ctrl-S there is XOFF and is
   * never delivered), which made a test fail on a loaded machine.
   */
  private untilRawMode(): void {
    if (this.rawSeen) return;
    const tty = this.tmux('display-message', '-p', '-t', this.name, '#{pane_tty}').trim();
    const deadline = Date.now() + 15_000;
    const pause = new Int32Array(new SharedArrayBuffer(4));
    while (Date.now() < deadline) {
      const stty = spawnSync('stty', ['-F', tty, '-a'], { encoding: 'utf8' });
      if (stty.status !== 0 || /(^|\s)-icanon(\s|$)/.test(stty.stdout)) break;
      Atomics.wait(pause, 0, 0, 50);
    }
    this.rawSeen = true;
  }

  resize(columns: number, rows: number): void {
    this.tmux('resize-window', '-t', this.name, '-x', String(columns), '-y', String(rows));
  }

  /** Polls the screen until `check` holds (no fixed sleeps); fails with the last screen. */
  async waitFor(check: (screen: string) => boolean, what: string, timeout = 45_000): Promise<string> {
    let last = '';
    await vi.waitFor(
      () => {
        last = this.screen();
        expect(check(last), `waiting for ${what}; screen:\n${last}`).toBe(true);
      },
      { timeout, interval: 100 },
    );
    return last;
  }

  async waitForText(text: string, timeout?: number): Promise<string> {
    return this.waitFor((s) => s.includes(text), JSON.stringify(text), timeout);
  }

  /** Pid of the program in the pane (the pane's shell's child). */
  programPid(): number | undefined {
    const shell = this.tmux('display-message', '-p', '-t', this.name, '#{pane_pid}').trim();
    const children = spawnSync('ps', ['-o', 'pid=', '--ppid', shell], { encoding: 'utf8' }).stdout.trim().split(/\s+/);
    const pid = Number(children[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  }

  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
    // tmux may leave its socket file behind.
    rmSync(join(process.env.TMUX_TMPDIR ?? '/tmp', `tmux-${process.getuid?.() ?? 0}`, this.socket), { force: true });
  }
}

/** `s` single-quoted for a POSIX shell. */
export const shell = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** The tmux sessions and folders a test makes: ended and removed after each test. */
export function cleanedAfterEach(): { sessions: TmuxSession[]; folders: string[] } {
  const sessions: TmuxSession[] = [];
  const folders: string[] = [];
  afterEach(() => {
    for (const s of sessions.splice(0)) s.kill();
    for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  });
  return { sessions, folders };
}
