// Regenerates docs/RULES.md, docs/POLICY_API.md, docs/REPLAY.md and docs/PYTHON.md from their templates and the code:
//   npx tsx test/docs/write-docs.ts
import { writeAll } from './render.js';

for (const f of writeAll()) process.stdout.write(`wrote ${f}\n`);
