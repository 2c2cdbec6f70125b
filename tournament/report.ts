// The cup report: report.json for machines, report.md for people. Every match lists the exact
// `matchday play` command that reproduces it, and `hash` digests every match hash in schedule order.
import type { CupConfig } from './config.js';
import { teamName } from './config.js';
import { sha256 } from './cupdir.js';
import type { Draw } from './draw.js';
import type { CupSummary } from './formats/index.js';
import { bradleyTerryRatings, eloRatings, gamesOf, type Rating } from './ratings.js';
import type { StandingRow } from './standings.js';
import type { CupMatchResult, PlannedMatch, ResultMap } from './types.js';

export interface ReportMatch {
  id: string;
  label: string;
  stage: PlannedMatch['stage'];
  home: string;
  away: string;
  score: [number, number];
  shootout?: [number, number];
  winner: CupMatchResult['winner'];
  forfeit?: CupMatchResult['forfeit'];
  seed: number;
  hash: string;
  command: string;
  config: string;
  replay: string;
}

export interface CupReport {
  name: string;
  seed: number | string;
  format: CupConfig['format'];
  engineVersion: string;
  champion: string | null;
  matches: number;
  hash: string;
  teams: Array<{ id: string; name: string; policy: string }>;
  draw?: Draw;
  summary: CupSummary;
  results: ReportMatch[];
  ratings: { method: 'bradley-terry' | 'elo'; ratings: Rating[] };
}

/** Quote a shell word only when it needs it. */
export function shellWord(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./#-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The cup digest: sha256 over every match hash, one per line, in schedule order. */
export function cupHash(matches: readonly PlannedMatch[], results: ResultMap): string {
  return sha256(matches.map((m) => results.get(m.id)?.hash ?? '').join('\n'));
}

export interface ReportInput {
  config: CupConfig;
  engineVersion: string;
  draw: Draw | null;
  summary: CupSummary;
  schedule: readonly PlannedMatch[];
  results: ResultMap;
  policyOf: (teamId: string) => string;
  configPath: (matchId: string) => string;
  replayPath: (matchId: string) => string;
  ratingMethod?: 'bradley-terry' | 'elo';
}

export function buildReport(input: ReportInput): CupReport {
  const { config, schedule, results } = input;
  const played = schedule.filter((m) => results.has(m.id));
  const rows: ReportMatch[] = played.map((m) => {
    const r = results.get(m.id)!;
    const cfg = input.configPath(m.id);
    const row: ReportMatch = {
      id: m.id,
      label: m.label,
      stage: m.stage,
      home: m.home,
      away: m.away,
      score: r.score,
      winner: r.winner,
      seed: r.seed,
      hash: r.hash,
      command: `matchday play ${shellWord(input.policyOf(m.home))} ${shellWord(input.policyOf(m.away))} --seed ${r.seed} --config ${shellWord(cfg)}`,
      config: cfg,
      replay: input.replayPath(m.id),
    };
    if (r.shootout) row.shootout = r.shootout;
    if (r.forfeit) row.forfeit = r.forfeit;
    return row;
  });
  const teamIds = config.teams.map((t) => t.id);
  const games = gamesOf(played.map((m) => results.get(m.id)!));
  const method = input.ratingMethod ?? 'bradley-terry';
  const report: CupReport = {
    name: config.name,
    seed: config.seed,
    format: config.format,
    engineVersion: input.engineVersion,
    champion: input.summary.champion,
    matches: played.length,
    hash: cupHash(schedule, results),
    teams: config.teams.map((t) => ({ id: t.id, name: teamName(t), policy: t.policy })),
    summary: input.summary,
    results: rows,
    ratings: { method, ratings: method === 'elo' ? eloRatings(teamIds, games) : bradleyTerryRatings(teamIds, games, config.seed) },
  };
  if (input.draw) report.draw = input.draw;
  return report;
}

function tableMd(rows: readonly StandingRow[], names: Map<string, string>): string[] {
  const out = ['| # | team | P | W | D | L | GF | GA | GD | Pts | conduct |', '|---|---|---|---|---|---|---|---|---|---|---|'];
  rows.forEach((r, i) => out.push(`| ${i + 1} | ${names.get(r.team) ?? r.team} | ${r.played} | ${r.won} | ${r.drawn} | ${r.lost} | ${r.gf} | ${r.ga} | ${r.gd} | ${r.pts} | ${r.conduct} |`));
  const notes = rows.flatMap((r, i) => (r.separatedBy && r.separatedBy !== 'points' ? [`${i + 1} above ${i + 2} by ${r.separatedBy}`] : []));
  if (notes.length) out.push('', `Tie-breakers: ${notes.join('; ')}.`);
  return out;
}

export function scoreText(m: Pick<ReportMatch, 'score' | 'shootout' | 'forfeit'>): string {
  let s = `${m.score[0]}-${m.score[1]}`;
  if (m.shootout) s += ` (${m.shootout[0]}-${m.shootout[1]} pens)`;
  if (m.forfeit) s += ' (forfeit)';
  return s;
}

/** The Markdown report for people. */
export function reportMarkdown(rep: CupReport): string {
  const names = new Map(rep.teams.map((t) => [t.id, t.name]));
  const n = (id: string | null): string => (id === null ? 'TBD' : names.get(id) ?? id);
  const out: string[] = [`# ${rep.name}`, '', `Champion: **${n(rep.champion)}**`, '', `Matches: ${rep.matches} · seed ${rep.seed} · engine ${rep.engineVersion}`, '', `Cup hash: \`${rep.hash}\``, ''];
  for (const g of rep.summary.groups ?? []) out.push(`## Group ${g.name}`, '', ...tableMd(g.table, names), '');
  if (rep.summary.table) out.push('## Table', '', ...tableMd(rep.summary.table, names), '');
  if (rep.summary.bracket?.length) {
    out.push('## Knockout', '');
    for (const t of rep.summary.bracket) {
      const ms = rep.results.filter((m) => t.matches.includes(m.id)).map(scoreText).join(', ');
      const lot = t.decidedBy === 'lot' ? ' (by lot)' : '';
      out.push(`- ${t.label}: ${n(t.home)} v ${n(t.away)}${ms ? ` ${ms}` : ''}${t.winner ? ` → **${n(t.winner)}**${lot}` : ''}`);
    }
    out.push('');
  }
  out.push(`## Ratings (${rep.ratings.method})`, '', '| team | rating | 95% interval | games |', '|---|---|---|---|');
  for (const r of rep.ratings.ratings) out.push(`| ${n(r.team)} | ${r.rating} | ${r.low !== undefined ? `${r.low} – ${r.high}` : ''} | ${r.games} |`);
  out.push('', '## Matches', '', '| id | match | score | reproduce |', '|---|---|---|---|');
  for (const m of rep.results) {
    out.push(`| ${m.id} | ${n(m.home)} v ${n(m.away)} | ${scoreText(m)} | \`${m.command}\` |`);
  }
  const forfeits = rep.results.filter((m) => m.forfeit);
  if (forfeits.length) {
    out.push('', '## Forfeits', '');
    for (const m of forfeits) {
      for (const side of ['home', 'away'] as const) {
        const why = m.forfeit![side];
        if (why) out.push(`- ${m.id}: ${n(m[side])} could not start: ${why}`);
      }
    }
  }
  return out.join('\n') + '\n';
}
