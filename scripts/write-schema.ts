/** `npm run schema`: regenerates schema/alignment.schema.json from the zod schema. */
import { writeFileSync } from 'node:fs';
import { alignmentJsonSchema } from '../src/core/model/schema.js';

const target = new URL('../schema/alignment.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(alignmentJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
