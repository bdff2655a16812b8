// JavaScript entry of the aligner worker when allinea runs from its TypeScript sources:
// a worker thread does not inherit the main thread's tsx loader, and Node cannot start a
// worker from a .ts file, so this registers tsx in the worker and then loads the real body.
// The dist/ bundle has its own compiled entry (dist/aligner-worker.js) and never uses this file.
import { register } from 'tsx/esm/api';

register({ tsconfig: new URL('../../tsconfig.json', import.meta.url).pathname });
await import('./aligner-worker.ts');
