// The tournament's public surface.
export { loadCupConfig, parseCupConfig, cupConfigSchema, CupConfigError, teamName, type CupConfig, type TeamConfig } from './config.js';
export { runCup, matchSettings, cupFingerprint, type RunCupOptions, type CupOutcome, type CupProgress } from './scheduler.js';
export { CupDir, atomicWrite, canonicalJson, sha256, fingerprintChanges, type CupFingerprint, type JournalEntry } from './cupdir.js';
export { buildReport, reportMarkdown, cupHash, type CupReport, type ReportMatch } from './report.js';
export { makeFormat, drawFor, type CupFormat, type CupSummary } from './formats/index.js';
export { drawGroups, drawProblem, assignPots, type Draw, type DrawTeam, type DrawOptions } from './draw.js';
export { computeTable, type StandingRow, type TieBreakOrder, type Criterion } from './standings.js';
export { bradleyTerryRatings, eloRatings, gamesOf, type Rating } from './ratings.js';
export { matchSeed, hash32, rngFor } from './seeds.js';
export { knockoutWinner, conductScore, tally } from './results.js';
export { fromEngineResult } from './engine-result.js';
export type { CupMatchJob, CupMatchResult, MatchSettings, PlayFn, PlannedMatch, Plan, TeamRef } from './types.js';
