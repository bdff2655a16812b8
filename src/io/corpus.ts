/** Reads a corpus (src/io/corpus-files.ts), detecting languages where none is given. */
import { detectLanguage } from '../core/corpus/detect-language.js';
import { manifestSchema } from '../core/corpus/manifest.js';
import { loadCorpusFiles, type CorpusOptions, type LoadedCorpus } from './corpus-files.js';

export { MANIFEST_NAME, STDIN_INPUT, type CorpusDocument, type CorpusOptions, type LoadedCorpus } from './corpus-files.js';

/**
 * `inputs`: one folder (with or without manifest) or one or more files. Relative paths are
 * resolved against `cwd`. An alignment file (*.align.json) among the inputs is refused
 * with a hint, since it is opened with --alignment.
 */
export function loadCorpus(inputs: readonly string[], options: CorpusOptions): LoadedCorpus {
  return loadCorpusFiles(inputs, { ...options, detect: detectLanguage, manifestSchema });
}
