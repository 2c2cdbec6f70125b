// A replay as data: one plain record per tick (what `matchday inspect` streams), and the CSV layout.
// Pure: the same records come out in Node and in the browser, and nothing here reads the file system.
import type { DebugMark, Fault } from '../controller.js';
import { MODES, PERIODS, PLAYERS, type MatchEvent } from '../state.js';
import type { ReplayReader } from './reader.js';
import {
  CHANNELS, G_BALL, G_BUDGET, G_HOLDER, G_MINUTE, G_MODE, G_MODE_TEAM, G_PERIOD, G_SCORE, G_SHOOTOUT, GLOBALS, PC_STAMINA, PC_STATUS, PC_STRIDE,
  PC_VX, PC_VY, PC_X, PC_Y, Q_POS, Q_STAMINA, Q_VEL,
} from './channels.js';
import type { FrameExtras } from './segment.js';
import type { Frame } from './types.js';

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

export interface RecordOptions {
  from?: number;
  to?: number;
  team?: TeamFilter;
}

/** The frames of ticks from..to (inclusive, clamped to the match), in order, one segment decoded at a time. */
function* framesInRange(reader: ReplayReader, opts: RecordOptions): Generator<Frame> {
  const from = Math.max(0, opts.from ?? 0);
  const to = Math.min(reader.lastTick, opts.to ?? reader.lastTick);
  if (from > to) return;
  for (let s = reader.segmentOf(from); s < reader.segmentCount; s++) {
    if (reader.segment(s).firstTick > to) break;
    for (const f of reader.frames(s)) if (f.tick >= from && f.tick <= to) yield f;
  }
}

/** Records for ticks from..to (inclusive, clamped to the match), in order; decodes one segment at a time. */
export function* tickRecords(reader: ReplayReader, opts: RecordOptions = {}): Generator<TickRecord> {
  const team = opts.team ?? 'both';
  const faults = faultsByTick(reader);
  const names = [reader.header.teams[0].name, reader.header.teams[1].name];
  for (const f of framesInRange(reader, opts)) {
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

// Module-level copies of the channel layout, read by the per-tick loop below.
const STRIDE = CHANNELS;
const NUM_PLAYERS = PLAYERS;
const PLAYER_AT = GLOBALS;
const PLAYER_STRIDE = PC_STRIDE;

/**
 * The same records as tickRecords, each already as its JSON line (no newline): exactly
 * JSON.stringify of the record (a test holds them equal over whole matches), written straight
 * from the segment's checked channel values. `inspect` streams thousands of these: a Frame, a
 * record and their 44 player objects per tick made the garbage collector the largest cost.
 */
export function* tickJsonLines(reader: ReplayReader, opts: RecordOptions = {}): Generator<string> {
  const from = Math.max(0, opts.from ?? 0);
  const to = Math.min(reader.lastTick, opts.to ?? reader.lastTick);
  if (from > to) return;
  const team = opts.team ?? 'both';
  const sides = team === 'both' ? ([0, 1] as const) : ([team] as const);
  const faults = faultsByTick(reader);
  const names = [JSON.stringify(reader.header.teams[0].name), JSON.stringify(reader.header.teams[1].name)];
  const periods = PERIODS.map((p) => JSON.stringify(p));
  const modes = MODES.map((m) => JSON.stringify(m));
  for (let s = reader.segmentOf(from); s < reader.segmentCount; s++) {
    if (reader.segment(s).firstTick > to) break;
    const seg = reader.segmentRows(s);
    const rows = seg.rows;
    // Later extras for a tick override earlier ones field by field, as when frames are built.
    const extras = new Map<number, Omit<FrameExtras, 'tick'>>();
    for (const x of seg.extras) extras.set(x.tick, { ...extras.get(x.tick), ...x });
    for (let f = 0; f < seg.frameCount; f++) {
      const tick = seg.firstTick + f;
      if (tick < from || tick > to) continue;
      const at = f * STRIDE;
      const period = rows[at + G_PERIOD]!;
      const mode = rows[at + G_MODE]!;
      const so = rows[at + G_SHOOTOUT]!;
      let line = `{"tick":${tick},"period":${periods[period] ?? JSON.stringify(String(period))},"minute":${rows[at + G_MINUTE]},"mode":${modes[mode] ?? JSON.stringify(String(mode))},"modeTeam":"${rows[at + G_MODE_TEAM] === 1 ? 'away' : 'home'}","score":[${rows[at + G_SCORE]},${rows[at + G_SCORE + 1]}],"shootout":${so < 0 ? 'null' : `[${so},${rows[at + G_SHOOTOUT + 1]}]`},"holder":${rows[at + G_HOLDER]},"ball":{"x":${rows[at + G_BALL]! / Q_POS},"y":${rows[at + G_BALL + 1]! / Q_POS},"z":${rows[at + G_BALL + 2]! / Q_POS}},"players":[`;
      for (let i = 0; i < NUM_PLAYERS; i++) {
        const o = at + PLAYER_AT + i * PLAYER_STRIDE;
        line += `${i > 0 ? ',' : ''}{"x":${rows[o + PC_X]! / Q_POS},"y":${rows[o + PC_Y]! / Q_POS},"vx":${rows[o + PC_VX]! / Q_VEL},"vy":${rows[o + PC_VY]! / Q_VEL},"stamina":${rows[o + PC_STAMINA]! / Q_STAMINA},"sentOff":${(rows[o + PC_STATUS]! & 1) !== 0}}`;
      }
      const x = extras.get(tick);
      line += `],"events":${x?.events ? JSON.stringify(x.events) : '[]'},"teams":{`;
      for (let k = 0; k < sides.length; k++) {
        const t = sides[k]!;
        const d = x?.debug?.[t];
        const fl = faults[t].get(tick);
        const used = rows[at + G_BUDGET + t]!;
        line += `${k > 0 ? ',' : ''}"${SIDES[t]}":{"name":${names[t]},"logs":${d ? JSON.stringify(d.logs) : '[]'},"marks":${d ? JSON.stringify(d.marks) : '[]'},"faults":${fl ? JSON.stringify(fl) : '[]'},"budgetUsed":${used < 0 ? 'null' : used}}`;
      }
      yield `${line}}}`;
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
