// Writes the generated parts of the English catalogues from their sources in code:
// - `nodes` from the node definitions (their texts are the source);
// - `templates` from the built-in gallery (apps/api/src/gallery);
// - `errors` → `graph.*` from @bm/graph's GRAPH_MESSAGES (the validation issues).
// `pnpm --filter @bm/api run i18n:nodes`. Then translate the new or changed keys in
// packages/i18n/messages/ko/{nodes,templates,errors}.json (the catalogue test lists keys that are missing there).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withEnglishGraphMessages } from '../src/lib/graph-catalogue';
import { englishNodeTexts } from '../src/lib/node-catalogue';
import { englishTemplateTexts } from '../src/lib/template-texts';

const en = join(import.meta.dirname, '../../../packages/i18n/messages/en');
const write = (file: string, tree: unknown) => {
  writeFileSync(join(en, file), `${JSON.stringify(tree, null, 2)}\n`);
  console.log(`wrote ${join(en, file)}`);
};
write('nodes.json', englishNodeTexts());
write('templates.json', englishTemplateTexts());
write('errors.json', withEnglishGraphMessages(JSON.parse(readFileSync(join(en, 'errors.json'), 'utf8'))));
