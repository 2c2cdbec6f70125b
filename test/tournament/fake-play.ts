// A stand-in for the match runner: scores, cards and shoot-outs are a pure function of the job,
// so a cup played with it must come out the same whatever the workers or the timing.
import seedrandom from 'seedrandom';
import type { CupMatchJob, CupMatchResult, PlayFn } from '../../tournament/types.js';

export function fakeResult(job: CupMatchJob, forfeits: ReadonlyMap<string, string> = new Map()): CupMatchResult {
  const rng = seedrandom.alea(`fake/${job.seed}`);
  const fh = forfeits.get(job.home.id) ?? null;
  const fa = forfeits.get(job.away.id) ?? null;
  const base = { matchId: job.matchId, home: job.home.id, away: job.away.id, seed: job.seed, ticks: job.settings.halfTicks * 2 };
  const cards = { yellowCards: [Math.floor(rng() * 3), Math.floor(rng() * 3)] as [number, number], redCards: [0, 0] as [number, number] };
  if (fh !== null || fa !== null) {
    const score: [number, number] = fh !== null && fa !== null ? [0, 0] : fh !== null ? [0, 3] : [3, 0];
    const winner = fh !== null && fa !== null ? 'draw' : fh !== null ? 'away' : 'home';
    return { ...base, score, winner, hash: `forfeit-${job.seed}`, ticks: 0, stats: { yellowCards: [0, 0], redCards: [0, 0] }, forfeit: { home: fh, away: fa } };
  }
  const score: [number, number] = [Math.floor(rng() * 4), Math.floor(rng() * 4)];
  const r: CupMatchResult = { ...base, score, winner: score[0] > score[1] ? 'home' : score[0] < score[1] ? 'away' : 'draw', hash: `h${job.seed.toString(16)}-${score.join('')}`, stats: cards };
  if (score[0] === score[1] && job.settings.shootout) {
    const a = 3 + Math.floor(rng() * 3);
    const b = rng() < 0.5 ? a - 1 : a + 1;
    r.shootout = [a, b];
    r.winner = a > b ? 'home' : 'away';
  }
  return r;
}

export interface FakePlayLog {
  calls: string[];
  concurrent: number;
  maxConcurrent: number;
}

/** A PlayFn with optional random delays (to shuffle completion order) and a call log. */
export function fakePlay(opts: { delaySeed?: string; maxDelayMs?: number; forfeits?: Map<string, string>; log?: FakePlayLog; pid?: (job: CupMatchJob) => number } = {}): PlayFn {
  const delays = opts.delaySeed ? seedrandom.alea(opts.delaySeed) : null;
  return async (job) => {
    const log = opts.log;
    if (log) {
      log.calls.push(job.matchId);
      log.concurrent++;
      log.maxConcurrent = Math.max(log.maxConcurrent, log.concurrent);
    }
    try {
      const ms = delays ? Math.floor(delays() * (opts.maxDelayMs ?? 5)) : 0;
      await new Promise((res) => setTimeout(res, ms));
      const r = fakeResult(job, opts.forfeits);
      r.runner = { pid: opts.pid?.(job) ?? 1000 + job.slot };
      return r;
    } finally {
      if (log) log.concurrent--;
    }
  };
}

export function newLog(): FakePlayLog {
  return { calls: [], concurrent: 0, maxConcurrent: 0 };
}
