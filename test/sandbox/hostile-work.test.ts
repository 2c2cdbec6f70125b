// Hostile corpus, work: natives and syntax forms charged in proportion, native recursion bounded,
// async refused. The cases live in cases/work.ts so the determinism test replays them too.
import { runCases } from './corpus.js';
import { WORK_CASES } from './cases/work.js';

runCases('hostile corpus: work is charged in proportion', WORK_CASES);
