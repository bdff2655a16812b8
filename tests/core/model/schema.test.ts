import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignmentJsonSchema } from '../../../src/core/model/schema.js';
import { REPO_ROOT } from '../../helpers/seeds.js';

describe('published JSON Schema', () => {
  it('is the one generated from the zod schema (run `npm run schema` after changing it)', () => {
    const published = JSON.parse(readFileSync(join(REPO_ROOT, 'schema', 'alignment.schema.json'), 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(alignmentJsonSchema())));
  });
});
