// A stand-in for the season API (season/api, GET routes under /api/v1) for the viewer's browser test: a
// season of four teams after two matchdays, with real replays recorded in-process. It serves the routes
// and shapes the season helper documents (GET /season, /me, /teams/:team/submissions, /teams/:team/logs,
// /matches/:id/replay) so the pages are tested without a season database; the real API replaces it in
// the season's own end-to-end test.
import type { FastifyInstance } from 'fastify';
import { recordMatch } from './viewer-server.js';

const TEAMS = ['Aurora', 'Borealis', 'Cygnus', 'Draco'];
const POLICY: Record<string, string> = { Aurora: 'possession', Borealis: 'chaser', Cygnus: 'direct', Draco: 'deepblock' };
/** Single round robin of four teams: three matchdays of two matches. */
const ROUNDS: Array<Array<[string, string]>> = [
  [['Aurora', 'Draco'], ['Borealis', 'Cygnus']],
  [['Aurora', 'Cygnus'], ['Draco', 'Borealis']],
  [['Aurora', 'Borealis'], ['Cygnus', 'Draco']],
];
export const FIXTURE_TOKEN = 'fixture-token-aurora';

interface Row { team: string; played: number; won: number; drawn: number; lost: number; gf: number; ga: number; gd: number; pts: number; conduct: number }

function table(results: Array<{ home: string; away: string; score: [number, number] }>): Row[] {
  const rows = new Map(TEAMS.map((t) => [t, { team: t, played: 0, won: 0, drawn: 0, lost: 0, gf: 0, ga: 0, gd: 0, pts: 0, conduct: 0 }]));
  for (const r of results) {
    const [h, a] = [rows.get(r.home)!, rows.get(r.away)!];
    for (const [row, f, g] of [[h, r.score[0], r.score[1]], [a, r.score[1], r.score[0]]] as const) {
      row.played++;
      row.gf += f;
      row.ga += g;
      row.gd = row.gf - row.ga;
      if (f > g) (row.won++, (row.pts += 3));
      else if (f === g) (row.drawn++, (row.pts += 1));
      else row.lost++;
    }
  }
  return [...rows.values()].sort((x, y) => y.pts - x.pts || y.gd - x.gd || y.gf - x.gf || x.team.localeCompare(y.team));
}

/** Points per game scaled, with an interval that narrows as games are played: a plausible rating series. */
function ratings(rows: Row[]): Array<{ team: string; rating: number; low: number; high: number; games: number }> {
  return rows.map((r) => {
    const rating = 1500 + (r.played ? (r.pts / r.played - 1.4) * 120 : 0) + r.gd * 5;
    const half = 400 / Math.sqrt(r.played + 1);
    return { team: r.team, rating, low: rating - half, high: rating + half, games: r.played };
  });
}

export interface SeasonFixture {
  /** The Fastify plugin to mount with `{ prefix: '/api/v1' }`. */
  plugin: (app: FastifyInstance) => Promise<void>;
  /** GET /season's body as served now. */
  status(): unknown;
  /** Marks matchday 3 as being played (its matches live on the viewer's WebSocket under these ids). */
  startMatchday3(): string[];
}

export async function makeSeasonFixture(halfTicks = 1500): Promise<SeasonFixture> {
  const replays = new Map<string, Uint8Array>();
  const results: Array<{ md: number; id: string; home: string; away: string; score: [number, number] }> = [];
  for (const [i, round] of ROUNDS.slice(0, 2).entries()) {
    for (const [home, away] of round) {
      const id = `md${i + 1}-${home}-${away}`;
      const rec = await recordMatch(POLICY[home]!, POLICY[away]!, { seed: 100 + results.length, halfTicks, homeName: home, awayName: away });
      replays.set(id, rec.file);
      results.push({ md: i + 1, id, home, away, score: [rec.result.score[0], rec.result.score[1]] });
    }
  }
  let md3: 'open' | 'locked' = 'open';
  const status = () => {
    const matchdays = ROUNDS.map((round, i) => {
      const n = i + 1;
      const played = n <= 2;
      const upTo = results.filter((r) => r.md <= n);
      return {
        n,
        deadline: null,
        state: played ? 'played' : md3,
        matches: round.map(([home, away]) => {
          const id = `md${n}-${home}-${away}`;
          const r = results.find((x) => x.id === id);
          return { id, home, away, seed: 100, versions: { home: 1, away: n }, score: r?.score ?? null, shootout: null, forfeit: null, hash: null, replay: !!r };
        }),
        standings: played ? table(upTo) : null,
        ratings: played ? ratings(table(upTo)) : null,
      };
    });
    const standings = table(results);
    return {
      name: 'Fixture Season', format: 'league', teams: TEAMS, manual: true, ended: false, current: 3,
      progress: md3 === 'locked' ? { matchday: 3, done: 0, total: 2, error: null } : null,
      matchdays, standings, ratings: ratings(standings),
    };
  };
  const plugin = async (app: FastifyInstance): Promise<void> => {
    const teamOf = (auth: string | undefined): string | null => (auth === `Bearer ${FIXTURE_TOKEN}` ? 'Aurora' : null);
    app.get('/season', async () => status());
    app.get('/me', async (req, reply) => {
      const t = teamOf(req.headers.authorization);
      return t ? { role: 'team', team: t } : reply.code(401).send({ error: 'unauthorized' });
    });
    app.get<{ Params: { team: string } }>('/teams/:team/submissions', async (req, reply) => {
      if (!TEAMS.includes(req.params.team)) return reply.code(404).send({ error: 'no such team' });
      return [
        { version: 1, received: '2026-11-30T09:00:00.000Z', sha256: 'a'.repeat(64), size: 2048, language: 'js', status: 'valid' },
        { version: 2, received: '2026-11-30T10:00:00.000Z', sha256: 'b'.repeat(64), size: 1999, language: 'ts', status: 'invalid' },
      ];
    });
    app.get<{ Params: { team: string }; Querystring: { matchday?: string } }>('/teams/:team/logs', async (req, reply) => {
      const t = teamOf(req.headers.authorization);
      if (!t) return reply.code(401).send({ error: 'unauthorized' });
      if (t !== req.params.team) return reply.code(403).send({ error: 'forbidden' });
      const n = Number(req.query.matchday ?? 2);
      return {
        team: t, matchday: n,
        matches: results.filter((r) => r.md === n && (r.home === t || r.away === t)).map((r) => ({
          matchId: r.id, side: r.home === t ? 'home' : 'away', opponent: r.home === t ? r.away : r.home,
          ticks: [{ tick: 12, logs: [`pressing high in ${r.id}`], marks: [], faults: [] }], budget: null,
          overBudgetTicks: 0, errorTicks: 0, faultCount: 0, warnings: 0, warningSamples: [], frozenFrom: null,
        })),
      };
    });
    app.get<{ Params: { id: string } }>('/matches/:id/replay', async (req, reply) => {
      const f = replays.get(req.params.id);
      if (!f) return reply.code(404).send({ error: 'no replay for this match' });
      return reply.type('application/octet-stream').send(Buffer.from(f));
    });
  };
  return {
    plugin,
    status,
    startMatchday3: () => {
      md3 = 'locked';
      return ROUNDS[2]!.map(([h, a]) => `md3-${h}-${a}`);
    },
  };
}
