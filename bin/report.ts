// Turns a match result into the text a person reads in the terminal.
import type { MatchResult } from '../engine/match.js';

function pct(a: number, b: number): string {
  return b === 0 ? '-' : `${Math.round((100 * a) / b)}%`;
}

/** Longest team name a stats column shows whole; longer ones end in '…'. */
const NAME_COLUMN = 24;

function columnName(name: string): string {
  return name.length <= NAME_COLUMN ? name : `${name.slice(0, NAME_COLUMN - 1)}…`;
}

export function formatResult(r: MatchResult, names: [string, string]): string {
  const [h, a] = r.score;
  const lines: string[] = [];
  let head = `${names[0]} ${h} - ${a} ${names[1]}`;
  if (r.shootout) head += ` (${r.shootout[0]}-${r.shootout[1]} on penalties)`;
  lines.push(head);
  if (r.forfeit) {
    if (r.forfeit.home) lines.push(`  ${names[0]} forfeits: ${r.forfeit.home}`);
    if (r.forfeit.away) lines.push(`  ${names[1]} forfeits: ${r.forfeit.away}`);
    return lines.join('\n');
  }
  for (const e of r.events) {
    if (e.type === 'goal') {
      const who = e.team === 0 ? names[0] : names[1];
      const scorer = e.player >= 0 ? ` #${(e.player % 11) + 1}` : '';
      lines.push(`  ${String(e.minute).padStart(3)}'  goal ${who}${scorer}${e.detail === 'own_goal' ? ' (own goal)' : ''}`);
    } else if (e.type === 'red_card' || e.type === 'yellow_card') {
      const who = e.team === 0 ? names[0] : names[1];
      lines.push(`  ${String(e.minute).padStart(3)}'  ${e.type.replace('_', ' ')} ${who} #${(e.player % 11) + 1}${e.detail ? ` (${e.detail})` : ''}`);
    }
  }
  const [s0, s1] = r.stats.teams;
  const total = s0.possessionTicks + s1.possessionTicks;
  // Each column as wide as its team's name (up to NAME_COLUMN), two spaces apart, so names never run together.
  const heads = names.map(columnName) as [string, string];
  const width = heads.map((n) => Math.max(8, n.length));
  const row = (label: string, x: string | number, y: string | number): string =>
    `  ${label.padEnd(18)}  ${String(x).padStart(width[0]!)}  ${String(y).padStart(width[1]!)}`;
  lines.push(row('', heads[0], heads[1]));
  lines.push(row('possession', pct(s0.possessionTicks, total), pct(s1.possessionTicks, total)));
  lines.push(row('shots (on target)', `${s0.shots} (${s0.shotsOnTarget})`, `${s1.shots} (${s1.shotsOnTarget})`));
  lines.push(row('passes completed', `${s0.passesCompleted}/${s0.passes}`, `${s1.passesCompleted}/${s1.passes}`));
  lines.push(row('tackles won', `${s0.tacklesWon}/${s0.tackles}`, `${s1.tacklesWon}/${s1.tackles}`));
  lines.push(row('fouls', s0.fouls, s1.fouls));
  lines.push(row('cards (Y/R)', `${s0.yellowCards}/${s0.redCards}`, `${s1.yellowCards}/${s1.redCards}`));
  lines.push(row('corners', s0.corners, s1.corners));
  lines.push(row('offsides', s0.offsides, s1.offsides));
  lines.push(row('distance (km)', (s0.distance / 1000).toFixed(1), (s1.distance / 1000).toFixed(1)));
  for (const t of [0, 1] as const) {
    const rep = r.teams[t];
    if (rep.faults.length > 0 || rep.warnings > 0) {
      lines.push(`  ${names[t]}: ${rep.faults.length} fault(s), ${rep.warnings} warning(s)${rep.frozenFrom !== null ? `, frozen from tick ${rep.frozenFrom}` : ''}`);
      for (const f of rep.faults.slice(0, 3)) lines.push(`    tick ${f.tick} ${f.kind}: ${f.message}`);
    }
  }
  lines.push(`  ${r.ticks} ticks, ended: ${r.endReason}, hash ${r.hash}${r.nonReproducible ? ' (NOT reproducible: a wall-clock limit fired)' : ''}`);
  return lines.join('\n');
}

/** The one JSON object `--json` prints as the last line. */
export function resultJson(r: MatchResult, home: string, away: string): Record<string, unknown> {
  return {
    home,
    away,
    seed: r.config.seed,
    score: r.score,
    shootout: r.shootout,
    winner: r.winner,
    ticks: r.ticks,
    hash: r.hash,
    endReason: r.endReason,
    forfeit: r.forfeit,
    nonReproducible: r.nonReproducible,
    stats: r.stats,
    goals: r.events.filter((e) => e.type === 'goal').map((e) => ({ minute: e.minute, tick: e.tick, team: e.team === 0 ? 'home' : 'away', player: e.player, detail: e.detail ?? null })),
    faults: [r.teams[0].faults.length, r.teams[1].faults.length],
  };
}
