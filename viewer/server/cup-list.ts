// What a cup folder serves, as the protocol's ServedList: from report.json once the cup is over, and
// while it runs from cup.json, draw.json and the result files so far (the format module recomputes the
// tables, the bracket and the matches known so far exactly as the scheduler does).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cupConfigSchema, teamName, type CupConfig } from '../../tournament/config.js';
import type { Draw } from '../../tournament/draw.js';
import { makeFormat, type CupSummary } from '../../tournament/formats/index.js';
import type { CupReport } from '../../tournament/report.js';
import type { CupMatchResult, PlannedMatch } from '../../tournament/types.js';
import type { GroupInfo, MatchEntry, ServedList, TableRow, TieInfo } from '../protocol.js';

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function rows(t: readonly TableRow[]): TableRow[] {
  return t.map((r) => {
    const row: TableRow = { team: r.team, played: r.played, won: r.won, drawn: r.drawn, lost: r.lost, gf: r.gf, ga: r.ga, gd: r.gd, pts: r.pts, conduct: r.conduct };
    if (r.separatedBy) row.separatedBy = r.separatedBy;
    return row;
  });
}

function fromSummary(s: CupSummary): Pick<ServedList, 'groups' | 'table' | 'bracket' | 'champion'> {
  const groups: GroupInfo[] = (s.groups ?? []).map((g) => ({ name: g.name, teams: [...g.teams], table: rows(g.table), complete: g.complete }));
  const bracket: TieInfo[] = (s.bracket ?? []).map((t) => {
    const tie: TieInfo = { id: t.id, label: t.label, home: t.home, away: t.away, matches: [...t.matches], winner: t.winner };
    if (t.decidedBy) tie.decidedBy = t.decidedBy;
    return tie;
  });
  return { groups, table: s.table ? rows(s.table) : null, bracket, champion: s.champion };
}

function playedEntry(m: Pick<PlannedMatch, 'id' | 'label' | 'stage' | 'home' | 'away'>, r: Pick<CupMatchResult, 'score' | 'shootout' | 'winner'>, streamable: boolean): MatchEntry {
  return {
    id: m.id, label: m.label, stage: m.stage, home: m.home, away: m.away, status: 'done',
    score: [r.score[0], r.score[1]], shootout: r.shootout ? [r.shootout[0], r.shootout[1]] : null, winner: r.winner, streamable,
  };
}

/** The finished cup, from its report. `hasReplay` says whether a match's replay file is there. */
export function listFromReport(rep: CupReport, hasReplay: (id: string) => boolean): ServedList {
  return {
    kind: 'cup',
    name: rep.name,
    teams: rep.teams.map((t) => ({ id: t.id, name: t.name })),
    ...fromSummary(rep.summary),
    ratings: rep.ratings.ratings.map((r) => ({ ...r })),
    matches: rep.results.map((m) => playedEntry(m, { score: m.score, shootout: m.shootout, winner: m.winner }, hasReplay(m.id))),
  };
}

function readResults(root: string): Map<string, CupMatchResult> {
  const out = new Map<string, CupMatchResult>();
  const dir = join(root, 'results');
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json')) continue;
    try {
      const r = readJson(join(dir, name)) as CupMatchResult;
      if (r && typeof r.matchId === 'string' && `${r.matchId}.json` === name) out.set(r.matchId, r);
    } catch {
      /* a file being written: counted as not played yet, like the scheduler does */
    }
  }
  return out;
}

/** A cup still running (or stopped): what its config and the results on disk say so far. Ratings come with the report. */
export function listFromProgress(config: CupConfig, draw: Draw | null, results: ReadonlyMap<string, CupMatchResult>, hasReplay: (id: string) => boolean): ServedList {
  const format = makeFormat({ config, draw });
  const plan = format.plan(results);
  return {
    kind: 'cup',
    name: config.name,
    teams: config.teams.map((t) => ({ id: t.id, name: teamName(t) })),
    ...fromSummary(format.summary(results)),
    ratings: [],
    matches: plan.matches.map((m) => {
      const r = results.get(m.id);
      if (r) return playedEntry(m, r, hasReplay(m.id));
      return { id: m.id, label: m.label, stage: m.stage, home: m.home, away: m.away, status: 'scheduled', score: null, shootout: null, winner: null, streamable: false };
    }),
  };
}

/** True when `root` looks like a cup folder. */
export function isCupFolder(root: string): boolean {
  return existsSync(join(root, 'report.json')) || existsSync(join(root, 'cup.json'));
}

/** The cup folder's list now; throws with the file named when neither the report nor the config can be read. */
export function readCupList(root: string, hasReplay: (id: string) => boolean): ServedList {
  const report = join(root, 'report.json');
  if (existsSync(report)) {
    try {
      return listFromReport(readJson(report) as CupReport, hasReplay);
    } catch (e) {
      throw new Error(`report.json: cannot read it (${(e as Error).message})`);
    }
  }
  let config: CupConfig;
  try {
    const parsed = cupConfigSchema.safeParse(readJson(join(root, 'cup.json')));
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
    config = parsed.data;
  } catch (e) {
    throw new Error(`cup.json: cannot read it (${(e as Error).message})`);
  }
  let draw: Draw | null = null;
  if (existsSync(join(root, 'draw.json'))) {
    try {
      draw = readJson(join(root, 'draw.json')) as Draw;
    } catch (e) {
      throw new Error(`draw.json: cannot read it (${(e as Error).message})`);
    }
  }
  return listFromProgress(config, draw, readResults(root), hasReplay);
}
