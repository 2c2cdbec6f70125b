// Hostile corpus, red team: native work far larger than its charge, closed. The cases live in
// cases/redteam.ts so the determinism test can replay them too.
import { runCases } from './corpus.js';
import { REDTEAM_CASES } from './cases/redteam.js';

runCases('hostile corpus: red team findings are charged or refused', REDTEAM_CASES);
