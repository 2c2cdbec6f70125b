// Team reports in the footer: replays written before the per-tick record (issue 16) still read and verify,
// and in a current replay every figure of a team's report is checked against the re-run.
import { describe, expect, it } from 'vitest';
import { compareReplays, ReplayReader, rewriteReplay, type ReplayFooter } from '../../engine/replay/index.js';
import { record } from './record.js';

/** The footer as the writer made it before issue 16: the budget held the over-budget ticks; the other figures did not exist. */
function oldShape(f: ReplayFooter): ReplayFooter {
  const teams = f.teams.map((t) => ({
    faults: t.faults,
    warnings: t.warnings,
    warningSamples: t.warningSamples,
    budget: t.budget ? { median: t.budget.median + 1, p99: t.budget.p99, max: t.budget.max, overBudgetTicks: t.overBudgetTicks } : null,
    frozenFrom: t.frozenFrom === null ? null : t.frozenFrom + 1,
  }));
  return { ...f, teams: teams as unknown as ReplayFooter['teams'] };
}

describe('team reports in the footer', () => {
  it('a replay with old-shape reports reads, and verifies on its faults and warnings', async () => {
    const { bytes } = await record('fixture:golden', 'chaser', { seed: 3, halfTicks: 150 });
    const fresh = new ReplayReader(bytes, 'fresh.replay');
    const old = new ReplayReader(rewriteReplay(fresh, { footer: oldShape(fresh.footer) }), 'old.replay');
    expect(old.footer.teams[0]).not.toHaveProperty('ticks');
    expect(compareReplays(old, fresh).other).toEqual([]);
    // A fault taken out of an old report is still caught.
    const f = old.footer;
    const fewer = { ...f, teams: [{ ...f.teams[0], warnings: f.teams[0].warnings + 1 }, f.teams[1]] as ReplayFooter['teams'] };
    const altered = new ReplayReader(rewriteReplay(fresh, { footer: fewer }), 'altered.replay');
    expect(compareReplays(altered, fresh).other.join('\n')).toMatch(/footer teams\[0\]\.warnings/);
  });

  it('a current replay has every figure of the report checked', async () => {
    const { bytes } = await record('fixture:golden', 'chaser', { seed: 3, halfTicks: 150 });
    const fresh = new ReplayReader(bytes, 'fresh.replay');
    expect(compareReplays(fresh, fresh).other).toEqual([]);
    const f = fresh.footer;
    const more = { ...f, teams: [{ ...f.teams[0], debug: { ...f.teams[0].debug, bytes: f.teams[0].debug.bytes + 1 } }, f.teams[1]] as ReplayFooter['teams'] };
    const altered = new ReplayReader(rewriteReplay(fresh, { footer: more }), 'altered.replay');
    expect(compareReplays(altered, fresh).other.join('\n')).toMatch(/footer teams\[0\]\.debug\.bytes/);
  });
});
