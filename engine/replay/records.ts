// A replay as data: one plain record per tick (what `matchday inspect` streams), and the CSV layout.
// Pure: the same records come out in Node and in the browser, and nothing here reads the file system.
import type { DebugMark, Fault } from '../controller.js';
import { MODES, PERIODS, type MatchEvent } from '../state.js';
import type { ReplayReader } from './reader.js';

/** Which team's own output (logs, marks, faults) a record carries: both, or one side. */
export type TeamFilter = 'both' | 0 | 1;

export interface TeamTickRecord {
  name: string;
  logs: string[];
  marks: DebugMark[];
  faults: Fault[];
  /** Work units the policy spent on this tick's commands; null when not recorded (frame 0, a frozen team, no sandbox, a format 1 replay). */
  budgetUsed: number | null;
}

export interface TickRecord {
  tick: number;
  period: string;
  minute: number;
  mode: string;
  /** 'home' or 'away': the team that takes the pending restart (meaningless in open play). */
  modeTeam: 'home' | 'away';
  score: [number, number];
  shootout: [number, number] | null;
  /** Player index 0..21 holding the ball in hands, -1 for none. */
  holder: number;
  ball: { x: number; y: number; z: number };
  /** 0..10 home (0 its goalkeeper), 11..21 away (11 its goalkeeper), absolute pitch metres. */
  players: Array<{ x: number; y: number; vx: number; vy: number; stamina: number; sentOff: boolean }>;
  events: MatchEvent[];
  /** Keyed 'home' / 'away'; only the chosen team's entry with --team. */
  teams: Partial<Record<'home' | 'away', TeamTickRecord>>;
}

const SIDES = ['home', 'away'] as const;

/** Faults grouped by tick, per team, so each record picks its own in constant time. */
function faultsByTick(reader: ReplayReader): [Map<number, Fault[]>, Map<number, Fault[]>] {
  const out: [Map<number, Fault[]>, Map<number, Fault[]>] = [new Map(), new Map()];
  reader.footer.teams.forEach((team, t) => {
    for (const f of team.faults) {
      const list = out[t]!.get(f.tick) ?? [];
      list.push(f);
      out[t]!.set(f.tick, list);
    }
  });
  return out;
}

/** Records for ticks from..to (inclusive, clamped to the match), in order; decodes one segment at a time. */
export function* tickRecords(reader: ReplayReader, opts: { from?: number; to?: number; team?: TeamFilter } = {}): Generator<TickRecord> {
  const from = Math.max(0, opts.from ?? 0);
  const to = Math.min(reader.lastTick, opts.to ?? reader.lastTick);
  if (from > to) return;
  const team = opts.team ?? 'both';
  const faults = faultsByTick(reader);
  const names = [reader.header.teams[0].name, reader.header.teams[1].name];
  for (let s = reader.segmentOf(from); s < reader.segmentCount; s++) {
    const info = reader.segment(s);
    if (info.firstTick > to) break;
    for (const f of reader.frames(s)) {
      if (f.tick < from || f.tick > to) continue;
      const teams: TickRecord['teams'] = {};
      for (const t of [0, 1] as const) {
        if (team !== 'both' && team !== t) continue;
        const d = f.debug[t];
        teams[SIDES[t]] = { name: names[t]!, logs: d?.logs ?? [], marks: d?.marks ?? [], faults: faults[t].get(f.tick) ?? [], budgetUsed: f.budget[t] };
      }
      yield {
        tick: f.tick,
        period: PERIODS[f.period] ?? String(f.period),
        minute: f.minute,
        mode: MODES[f.mode] ?? String(f.mode),
        modeTeam: f.modeTeam === 1 ? 'away' : 'home',
        score: f.score,
        shootout: f.shootout,
        holder: f.holder,
        ball: f.ball,
        players: f.players.map((p) => ({ x: p.x, y: p.y, vx: p.vx, vy: p.vy, stamina: p.stamina, sentOff: p.sentOff })),
        events: f.events,
        teams,
      };
    }
  }
}

/** The CSV columns, in order: tick, mode, score, ball, then x and y of players 0..21 (home 0-10, away 11-21). */
export const CSV_COLUMNS: readonly string[] = [
  'tick',
  'mode',
  'score_home',
  'score_away',
  'ball_x',
  'ball_y',
  'ball_z',
  ...Array.from({ length: 22 }, (_, i) => {
    const p = i < 11 ? `home${i}` : `away${i - 11}`;
    return [`${p}_x`, `${p}_y`];
  }).flat(),
];

/** One CSV row (no newline) in CSV_COLUMNS order; every field is a number or a bare mode name. */
export function csvRow(r: TickRecord): string {
  const cells: Array<string | number> = [r.tick, r.mode, r.score[0], r.score[1], r.ball.x, r.ball.y, r.ball.z];
  for (const p of r.players) cells.push(p.x, p.y);
  return cells.join(',');
}
