// Hostile corpus, red team (rt2): the depth count and plain JavaScript's results after the ninth round's
// rewrites. The cases live in cases/rt2.ts so the determinism test can replay them too.
import { runCases } from './corpus.js';
import { RT2_CASES } from './cases/rt2.js';

runCases('hostile corpus: rt2 findings on returns, generators and the written-out scans', RT2_CASES);
