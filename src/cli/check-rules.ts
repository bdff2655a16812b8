/**
 * The check rules a command works with: those of `--config FILE`, else of the nearest
 * allinea.config.json from the working folder up, else the defaults. `check` lints with them
 * and the workbench's row view shows the same warnings, so both read the file the same way.
 */
import { resolve } from 'node:path';
import type { ResolvedRules } from '../core/check/config.js';

export async function loadCheckRules(config: string | undefined, cwd: string): Promise<{ rules: ResolvedRules; path?: string }> {
  const { defaultRules } = await import('../core/check/config.js');
  const io = await import('../io/check-files.js');
  const path = config ? resolve(cwd, config) : io.findConfigFile(cwd);
  if (!path) return { rules: defaultRules() };
  const { resolveConfig } = await import('../core/check/config-file.js');
  const resolved = resolveConfig(io.readConfigFile(path), io.displayPath(path, cwd));
  if (!resolved.ok) {
    const { AllineaError } = await import('../core/errors.js');
    throw new AllineaError(resolved.message);
  }
  return { rules: resolved.rules, path };
}
