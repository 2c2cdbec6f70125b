// Which test files form the slow tier (`npm run test:slow`); everything else is the fast tier (`npm test`).
// One list, read by both vitest configs, so a file is always in exactly one tier.
//
// The slow tier holds what plays many full-length matches or many generated cases: statistics of the
// reference styles, degenerate teams, the ladder sample, load, property and fuzz tests, and from now on
// Redis and season end-to-end suites (put them under test/slow/). CI runs both tiers.
export const SLOW_TESTS: readonly string[] = [
  'test/slow/**/*.test.ts',
  // Full-length matches of the four styles: football statistics and degenerate teams (32 + 12 matches).
  'test/policies/football.test.ts',
  'test/policies/degenerate.test.ts',
  // The top rung against each degenerate team over 20 full-length seeds (80 matches).
  'test/scrim/degenerate.test.ts',
  // 50 WebSocket clients streaming replays at once.
  'test/viewer/load.test.ts',
  // Every realm and work case of the hostile corpus three times, the third with two busy-looping processes
  // holding both cores: a load test, whose busy processes also slowed every test running beside it.
  // The corpus itself stays in the fast tier (hostile, hostile-work, hostile-realm), as does determinism under load (determinism.test.ts).
  'test/sandbox/hostile-determinism.test.ts',
  // Full-length matches of every rung replayed against docs/ladder-sample.json (seven matches, ~20 s of CPU).
  'test/scrim/ladder.test.ts',
  // Suites that start a private redis-server and run the queue through it.
  'test/queue/remote.test.ts',
  'test/queue/refuse.test.ts',
  // Season end to end: a Python team through validation, lock and matchday; a host restarted mid-matchday.
  'test/season/python.test.ts',
  'test/season/resume.test.ts',
  // 200 WebSocket clients on one live match and 10,000 malformed messages: a load test.
  'test/viewer/flood.test.ts',
];
