// Season benchmarks: `submit_p95_ms`, the starter policy submitted over real HTTP, validation included (the
// server's own validation match, as `matchday validate`); `season_matchday_s`, one matchday of a 16-team
// league of the four reference styles at full length on the local pool (two workers, like cup16_s).
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSeason } from '../../season/create.js';
import { API_PREFIX, openSeasonHost } from '../../season/host.js';
import { startHttpApp } from '../../viewer/server/http/app.js';

const ROOT = join(import.meta.dirname, '..', '..');

function p95(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(0.95 * s.length) - 1)]!;
}

async function submitP95(root: string): Promise<number> {
  const dir = join(root, 'submit');
  const s = createSeason(dir, { name: 'bench', seed: 1, teams: ['A', 'B'], format: { type: 'league' }, start: null, everyMs: null });
  const host = openSeasonHost(dir, { validators: 2, rateLimit: { max: 10_000, timeWindowMs: 60_000 } });
  const server = await startHttpApp({ port: 0, host: '127.0.0.1', plugins: [{ plugin: host.plugin, options: { prefix: API_PREFIX } }] });
  const api = `${server.url.replace(/\/$/, '')}${API_PREFIX}`;
  try {
    const content = readFileSync(join(ROOT, 'policies', 'starter.js')).toString('base64');
    const times: number[] = [];
    for (let i = 0; i < 21; i++) {
      const t0 = performance.now();
      const r = await fetch(`${api}/teams/A/submissions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.tokens.teams.A}`, 'content-type': 'application/json' },
        body: JSON.stringify({ filename: 'starter.js', content }),
      });
      const body = (await r.json()) as { status?: string };
      if (body.status !== 'valid') throw new Error(`the starter was not valid: ${JSON.stringify(body).slice(0, 300)}`);
      // The first spawns the validation process: a warm-up, not a submission's cost.
      if (i > 0) times.push(performance.now() - t0);
    }
    return p95(times);
  } finally {
    await server.close();
    await host.close();
  }
}

async function matchdaySeconds(root: string): Promise<number> {
  const dir = join(root, 'league');
  const styles = ['possession', 'gegenpress', 'deepblock', 'direct'];
  const teams = Array.from({ length: 16 }, (_, i) => `${styles[i % 4]}${Math.floor(i / 4) + 1}`);
  createSeason(dir, { name: 'bench', seed: 1, teams, format: { type: 'league' }, start: null, everyMs: null });
  const host = openSeasonHost(dir, { workers: 2 });
  try {
    // Set-up, not timed: each team's reference policy stored as a valid submission (validation is submit_p95_ms's).
    const store = host.service.store;
    teams.forEach((t, i) => {
      const source = readFileSync(join(ROOT, 'policies', `${styles[i % 4]}.js`));
      const row = store.addSubmission({ team: t, filename: `${styles[i % 4]}.js`, language: 'js', sha256: createHash('sha256').update(source).digest('hex'), source, receivedMs: Date.now() - 1000 });
      store.finishSubmission(row.id, 'valid', { lines: [], json: null });
    });
    const t0 = performance.now();
    await host.service.advance();
    const s = (performance.now() - t0) / 1000;
    const md = host.service.status().matchdays[0]!;
    if (md.state !== 'played' || md.matches.length !== 8 || md.matches.some((m) => m.forfeit)) throw new Error('matchday 1 was not played in full');
    return s;
  } finally {
    await host.close();
  }
}

export async function seasonBench(): Promise<Record<string, number>> {
  const root = mkdtempSync(join(tmpdir(), 'matchday-bench-season-'));
  try {
    const submit = await submitP95(root);
    const matchday = await matchdaySeconds(root);
    return { submit_p95_ms: Math.round(submit), season_matchday_s: Math.round(matchday * 10) / 10 };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
