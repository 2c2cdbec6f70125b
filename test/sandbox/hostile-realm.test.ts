// Hostile corpus, the realm: tampering with built-ins or globals changes nothing the runtime does.
// The cases live in cases/realm.ts so the determinism test replays them too.
import { runCases } from './corpus.js';
import { REALM_CASES } from './cases/realm.js';

runCases('hostile corpus: the realm is locked down', REALM_CASES);
