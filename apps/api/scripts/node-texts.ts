// Writes the English `nodes` catalogue from the node definitions (their texts are the source):
// `pnpm --filter @bm/api run i18n:nodes`. Then translate the new or changed keys in
// packages/i18n/messages/ko/nodes.json (the catalogue test lists keys that are missing there).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { englishNodeTexts } from '../src/lib/node-catalogue';

const file = join(import.meta.dirname, '../../../packages/i18n/messages/en/nodes.json');
writeFileSync(file, `${JSON.stringify(englishNodeTexts(), null, 2)}\n`);
console.log(`wrote ${file}`);
