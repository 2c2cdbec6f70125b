// One team's page: its submission history with validation status, its matches (one click to watch), and,
// for the team signed in with its own token, its logs of each played matchday (its side only).
import { useEffect, useState } from 'react';
import { routeHash } from '../route.js';
import { fetchLogs, fetchSubmissions } from './api.js';
import { seasonScore, teamHref, watchHref, isLive } from './links.js';
import { LoginBox, useMe } from './LoginBox.js';
import type { SeasonStatus, SubmissionInfo, TeamMatchLog } from './types.js';

export function TeamView({ season, team }: { season: SeasonStatus; team: string }) {
  const [subs, setSubs] = useState<SubmissionInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const me = useMe();
  const own = me !== null && (me.role === 'admin' || me.team === team);
  useEffect(() => {
    fetchSubmissions(team).then(setSubs, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [team, season]);
  if (!season.teams.includes(team)) return <p className="error">No team {team} in this season.</p>;
  const row = season.standings.findIndex((r) => r.team === team);
  const games = season.matchdays.flatMap((md) => md.matches.filter((m) => m.home === team || m.away === team).map((m) => ({ md, m })));
  return (
    <div className="team-view" data-testid="team">
      <div className="match-top">
        <a href={routeHash({ view: 'cup' })} className="back">
          ← {season.name}
        </a>
        <LoginBox />
      </div>
      <h1>{team}</h1>
      {row >= 0 && (
        <p className="muted" data-testid="team-place">
          {ordinal(row + 1)} of {season.teams.length} · {season.standings[row]!.pts} pts
        </p>
      )}
      <div className="groups">
        <section className="card wide" data-testid="submissions">
          <h3>Submissions</h3>
          {error && <p className="error">{error}</p>}
          {subs && subs.length === 0 && <p className="muted">None yet.</p>}
          {subs && subs.length > 0 && (
            <table>
              <thead>
                <tr>
                  <th>Version</th>
                  <th>Received</th>
                  <th>Language</th>
                  <th>Size</th>
                  <th>Status</th>
                  <th>sha256</th>
                </tr>
              </thead>
              <tbody>
                {subs.map((s) => (
                  <tr key={s.version} data-testid="submission" className={`sub-${s.status}`}>
                    <td>v{s.version}</td>
                    <td className="nowrap">{utc(s.received)}</td>
                    <td>{s.language}</td>
                    <td>{s.size} B</td>
                    <td className={s.status === 'valid' ? 'ok' : 'error-text'}>{s.status}</td>
                    <td className="muted mono">{s.sha256.slice(0, 12)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="card" data-testid="team-matches">
          <h3>Matches</h3>
          <table>
            <tbody>
              {games.map(({ md, m }) => {
                const href = watchHref(md, m);
                const opp = m.home === team ? m.away : m.home;
                return (
                  <tr key={m.id} data-testid="team-match" data-match={m.id}>
                    <td className="muted">MD {md.n}</td>
                    <td>{m.home === team ? 'home' : 'away'} v <a href={teamHref(opp)}>{opp}</a></td>
                    <td className="score">{href ? <a href={href}>{seasonScore(m)}</a> : seasonScore(m)}</td>
                    <td>{isLive(md, m) ? <span className="live-badge">LIVE</span> : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      </div>
      {own && <OwnLogs season={season} team={team} />}
    </div>
  );
}

/** `2026-11-30 09:00 UTC` from an ISO time; the raw text when it is not one. */
function utc(iso: string): string {
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : iso;
}

function ordinal(n: number): string {
  return n === 1 ? '1st' : n === 2 ? '2nd' : n === 3 ? '3rd' : `${n}th`;
}

/** The signed-in team's own output, matchday by matchday (GET /teams/:team/logs with its token). */
function OwnLogs({ season, team }: { season: SeasonStatus; team: string }) {
  const played = season.matchdays.filter((m) => m.state === 'played').map((m) => m.n);
  const [md, setMd] = useState<number | null>(played.at(-1) ?? null);
  const [logs, setLogs] = useState<TeamMatchLog[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (md === null) return;
    setLogs(null);
    fetchLogs(team, md).then(setLogs, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [team, md]);
  if (md === null) return null;
  return (
    <section className="card own-logs" data-testid="own-logs">
      <h3>
        Your logs ·{' '}
        <select value={md} onChange={(e) => setMd(Number(e.target.value))}>
          {played.map((n) => (
            <option key={n} value={n}>
              matchday {n}
            </option>
          ))}
        </select>
      </h3>
      {error && <p className="error">{error}</p>}
      {logs?.map((l) => (
        <div key={l.matchId} data-testid="own-log" data-match={l.matchId}>
          <h4>
            <a href={routeHash({ view: 'season-match', matchId: l.matchId, tick: null })}>{l.matchId}</a> <small className="muted">({l.side} v {l.opponent}) · {l.faultCount} faults · {l.warnings} warnings</small>
          </h4>
          <pre className="log-lines">
            {l.ticks
              .flatMap((t) => [...t.logs.map((s) => `${t.tick}: ${s}`), ...t.faults.map((f) => `${t.tick}: fault ${f.kind ?? ''} ${f.message ?? ''}`)])
              .slice(0, 200)
              .join('\n') || 'no output'}
          </pre>
        </div>
      ))}
    </section>
  );
}
