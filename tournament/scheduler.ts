// runCup: plays a whole cup into a cup folder. The format (pure) says which matches are known;
// up to `workers` of them run at once through the injected `play`; each result is written
// atomically the moment it arrives. Because every seed comes from the match id and the format
// only looks at the set of results, never their order, the outcome is the same for any worker
// count, any completion order, and any number of crashes and resumptions.
import { readFileSync } from 'node:fs';
import type { CupConfig } from './config.js';
import { teamName } from './config.js';
import { canonicalJson, CupDir, fingerprintChanges, sha256, type CupFingerprint } from './cupdir.js';
import type { Draw } from './draw.js';
import { drawFor, makeFormat } from './formats/index.js';
import { buildReport, reportMarkdown, type CupReport } from './report.js';
import { matchSeed } from './seeds.js';
import type { CupMatchJob, CupMatchResult, MatchSettings, PlannedMatch, PlayFn, TeamRef } from './types.js';

export interface CupProgress {
  done: number;
  inFlight: number;
  /** Matches known so far (grows as knockout rounds become known). */
  known: number;
  event: 'start' | 'finish' | 'skip';
  matchId: string;
  result?: CupMatchResult;
}

export interface RunCupOptions {
  config: CupConfig;
  outDir: string;
  resume?: boolean;
  /** Matches at once; default config.workers, else 1. */
  workers?: number;
  play: PlayFn;
  /** Part of the resume fingerprint: a different engine refuses to resume. */
  engineVersion?: string;
  /** Content hash of a policy spec; default hashes a file's bytes and a builtin's name (builtins ship with the engine version). */
  policyHash?: (spec: string) => string;
  /** The pid of the process serving a worker slot, for the journal's start lines. */
  slotPid?: (slot: number) => number | undefined;
  ratingMethod?: 'bradley-terry' | 'elo';
  /** Stops launching and rejects at once; results arriving later are dropped, as in a crash. */
  signal?: AbortSignal;
  onProgress?: (p: CupProgress) => void;
  /** Extra tries for a match whose `play` rejected, before the cup stops (resumable). [default: 1] */
  retries?: number;
}

export interface CupOutcome {
  report: CupReport;
  /** Matches played by this run (not read back from disk). */
  played: string[];
  /** Matches whose result was already on disk. */
  skipped: string[];
}

function defaultPolicyHash(spec: string): string {
  return spec.startsWith('builtin:') ? sha256(spec) : sha256(readFileSync(spec));
}

export function cupFingerprint(config: CupConfig, engineVersion: string, policyHash: (spec: string) => string): CupFingerprint {
  // The worker count is not part of the cup's identity: resuming with another one is fine.
  const { workers: _workers, ...identity } = config;
  const policies: CupFingerprint['policies'] = {};
  for (const t of config.teams) policies[t.id] = { spec: t.policy, hash: policyHash(t.policy) };
  return { engineVersion, configHash: sha256(canonicalJson(identity)), policies };
}

export function matchSettings(config: CupConfig, knockout: boolean): MatchSettings {
  const m = config.match;
  return knockout
    ? { halfTicks: m.halfTicks, extraTime: m.extraTime, extraTimeTicks: m.extraTimeTicks, shootout: true }
    : { halfTicks: m.halfTicks, extraTime: false, extraTimeTicks: m.extraTimeTicks, shootout: false };
}

/** Check what `play` returned belongs to the job, and keep only what the result file should hold. */
function acceptResult(job: CupMatchJob, r: CupMatchResult): CupMatchResult {
  if (r.matchId !== job.matchId || r.home !== job.home.id || r.away !== job.away.id) {
    throw new Error(`play returned ${r.matchId} ${r.home}-${r.away} for job ${job.matchId} ${job.home.id}-${job.away.id}`);
  }
  const { runner: _runner, ...stored } = r;
  return { ...stored, seed: job.seed };
}

class AbortedError extends Error {
  constructor() {
    super('Cup run aborted');
    this.name = 'AbortError';
  }
}

export async function runCup(opts: RunCupOptions): Promise<CupOutcome> {
  const { config } = opts;
  const dir = new CupDir(opts.outDir);
  const engineVersion = opts.engineVersion ?? 'unknown';
  const workers = Math.max(1, opts.workers ?? config.workers ?? 1);
  const fingerprint = cupFingerprint(config, engineVersion, opts.policyHash ?? defaultPolicyHash);

  const previous = dir.readJson<CupFingerprint>(CupDir.STATE);
  if (previous && !opts.resume) throw new Error(`${dir.root} already holds a cup; use --resume to continue it or choose another --out`);
  if (previous) {
    const changes = fingerprintChanges(previous, fingerprint);
    if (changes.length) throw new Error(`Cannot resume the cup in ${dir.root}:\n  ${changes.join('\n  ')}`);
  }
  dir.ensure();
  if (!previous) {
    dir.writeJson(CupDir.CONFIG, config);
    dir.writeJson(CupDir.STATE, fingerprint);
  }
  let draw: Draw | null = dir.readJson<Draw>(CupDir.DRAW) ?? null;
  if (!draw && config.format.type === 'worldcup') {
    draw = drawFor(config);
    dir.writeJson(CupDir.DRAW, draw);
  }
  dir.journal({ ev: 'cup-start', pid: process.pid, time: new Date().toISOString(), message: previous ? 'resume' : 'start' });

  const format = makeFormat({ config, draw });
  const teams = new Map<string, TeamRef>(config.teams.map((t) => [t.id, { id: t.id, name: teamName(t), policy: t.policy }]));
  const results = new Map<string, CupMatchResult>();
  const skipped: string[] = [];
  const played: string[] = [];
  // A result on disk counts only if it is the match the format expects now (same teams, same seed).
  const onDisk = dir.readResults();

  const inFlight = new Map<string, Promise<void>>();
  const freeSlots = Array.from({ length: workers }, (_, i) => i);
  let stopped = false;
  let known = 0;
  let failure: Error | null = null;

  const jobFor = (m: PlannedMatch, slot: number): CupMatchJob => ({
    matchId: m.id,
    seed: matchSeed(config.seed, m.id),
    home: teams.get(m.home)!,
    away: teams.get(m.away)!,
    settings: matchSettings(config, m.knockout),
    slot,
  });

  const launch = (m: PlannedMatch): void => {
    freeSlots.sort((a, b) => a - b);
    const slot = freeSlots.shift()!;
    const job = jobFor(m, slot);
    // Exactly the fields `matchday play --config` accepts (tournament/match-config.ts is strict).
    // The team names key the engine's random streams, so the reproduce command needs them too.
    dir.writeMatchConfig(m.id, { seed: job.seed, homeName: job.home.name, awayName: job.away.name, ...job.settings });
    dir.journal({ ev: 'start', matchId: m.id, slot, pid: opts.slotPid?.(slot) ?? process.pid, time: new Date().toISOString() });
    const attempt = async (): Promise<CupMatchResult> => {
      let lastError: unknown;
      for (let i = 0; i <= (opts.retries ?? 1); i++) {
        try {
          return await opts.play(job);
        } catch (e) {
          lastError = e;
          if (stopped) break;
        }
      }
      throw lastError;
    };
    const task = attempt().then(
      (raw) => {
        if (stopped) return; // a crash would have lost this result too
        let r: CupMatchResult;
        try {
          r = acceptResult(job, raw);
        } catch (e) {
          failure ??= e as Error;
          return;
        }
        dir.writeResult(r);
        dir.journal({ ev: 'finish', matchId: m.id, slot, pid: raw.runner?.pid ?? opts.slotPid?.(slot) ?? process.pid, hash: r.hash, time: new Date().toISOString() });
        results.set(m.id, r);
        played.push(m.id);
        opts.onProgress?.({ done: results.size, inFlight: inFlight.size - 1, known, event: 'finish', matchId: m.id, result: r });
      },
      (e: unknown) => {
        if (stopped) return;
        failure ??= new Error(`Match ${m.id} (${m.home} v ${m.away}) could not be played: ${(e as Error)?.message ?? String(e)}`);
        dir.journal({ ev: 'error', matchId: m.id, slot, message: String((e as Error)?.message ?? e), time: new Date().toISOString() });
      },
    );
    inFlight.set(
      m.id,
      task.finally(() => {
        inFlight.delete(m.id);
        freeSlots.push(slot);
      }),
    );
    opts.onProgress?.({ done: results.size, inFlight: inFlight.size, known, event: 'start', matchId: m.id });
  };

  let abortWake: () => void = () => {};
  const aborted = new Promise<void>((res) => {
    abortWake = res;
  });
  const onAbort = (): void => {
    stopped = true;
    abortWake();
  };
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  if (opts.signal?.aborted) onAbort();

  try {
    for (;;) {
      if (stopped) throw new AbortedError();
      const plan = format.plan(results);
      known = plan.matches.length;
      let pending = false;
      for (const m of plan.matches) {
        if (results.has(m.id) || inFlight.has(m.id)) continue;
        const saved = onDisk.get(m.id);
        if (saved && saved.home === m.home && saved.away === m.away && saved.seed === matchSeed(config.seed, m.id)) {
          results.set(m.id, saved);
          skipped.push(m.id);
          opts.onProgress?.({ done: results.size, inFlight: inFlight.size, known: plan.matches.length, event: 'skip', matchId: m.id, result: saved });
          pending = true; // the plan may grow from this result: recompute before launching
          continue;
        }
        if (failure || inFlight.size >= workers || pending) continue;
        launch(m);
      }
      if (pending) continue;
      if (failure && inFlight.size === 0) throw failure;
      if (inFlight.size === 0) {
        if (!plan.complete) throw new Error('Cup stalled: nothing to play but the format is not complete (a format bug)');
        const summary = format.summary(results);
        const report = buildReport({
          config,
          engineVersion,
          draw,
          summary,
          schedule: plan.matches,
          results,
          policyOf: (id) => teams.get(id)!.policy,
          configPath: (id) => dir.matchConfigPath(id),
          replayPath: (id) => dir.replayPath(id),
          ratingMethod: opts.ratingMethod ?? 'bradley-terry',
        });
        dir.writeJson(CupDir.REPORT_JSON, report);
        dir.writeText(CupDir.REPORT_MD, reportMarkdown(report));
        return { report, played, skipped };
      }
      await Promise.race([...inFlight.values(), aborted]);
    }
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
}
