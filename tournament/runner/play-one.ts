// Plays one match with both teams sandboxed and records its replay: what a match process does per job.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { TeamController } from '../../engine/controller.js';
import { runMatch, type MatchRunOptions } from '../../engine/match.js';
import { O_TICK } from '../../engine/obs-layout.js';
import { makeReplayHeader, ReplayWriter, type ReplaySink } from '../../engine/replay/index.js';
import type { TeamSource } from '../../engine/replay/types.js';
import { createSandboxController, resolveLimits } from '../../sandbox/index.js';
import type { MatchJob, RunResult, TeamEntry } from './job.js';

function teamSource(t: TeamEntry): TeamSource {
  const source = readFileSync(t.file, 'utf8');
  return { name: t.name, spec: t.spec, file: basename(t.file), sha256: createHash('sha256').update(source).digest('hex'), source };
}

function isolatedVmVersion(): string | null {
  try {
    const pkg = new URL('../../node_modules/isolated-vm/package.json', import.meta.url);
    return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}

export interface PlayHooks {
  /** Called before every call into a policy, with the tick and the team (0 home, 1 away). */
  onCall?: MatchRunOptions['onCall'];
  /** Receives the replay's blobs as they are made. */
  sink?: ReplaySink;
  /** Called when a call into a policy has returned and host work resumes, with that tick. */
  onHostWork?: (tick: number) => void;
}

/** `c` with `onHostWork` called after each of its calls returns, so a death from then on is charged to no team. */
function markReturns(c: TeamController, onHostWork: (tick: number) => void): TeamController {
  const wrapped: TeamController = {
    setup(info) {
      try {
        return c.setup(info);
      } finally {
        onHostWork(0);
      }
    },
    tick(input, out) {
      try {
        return c.tick(input, out);
      } finally {
        onHostWork(input.flat[O_TICK] ?? 0);
      }
    },
    get nonReproducible() {
      return c.nonReproducible;
    },
  };
  return wrapped;
}

/** Plays `job` and returns the result plus the whole replay file's bytes. */
export function playOne(job: MatchJob, hooks: PlayHooks = {}): { result: Omit<RunResult, 'crashes' | 'pid'>; replay: Uint8Array } {
  const limits = resolveLimits(job.limits);
  const sources: [TeamSource, TeamSource] = [teamSource(job.home), teamSource(job.away)];
  const header = makeReplayHeader(job.config, {
    runtime: { node: process.versions.node, v8: process.versions.v8, isolatedVm: isolatedVmVersion() },
    budget: { ...limits },
    teams: sources,
  });
  const writer = new ReplayWriter(header, hooks.sink);
  const teams = [job.home, job.away].map((t, i) =>
    createSandboxController({ source: sources[i]!.source, filename: t.file, teamName: t.name, seed: job.config.seed, limits }),
  );
  try {
    // Debug output per team (marks, log lines, bytes), for `validate` and the scrimmage table.
    const debug = [{ marks: 0, logs: 0, bytes: 0 }, { marks: 0, logs: 0, bytes: 0 }];
    const options: MatchRunOptions = {
      onTick(state, d) {
        writer.onTick(state, d);
        for (const t of [0, 1] as const) {
          const o = d[t];
          if (!o) continue;
          debug[t]!.marks += o.marks.length;
          debug[t]!.logs += o.logs.length;
          for (const m of o.marks) debug[t]!.bytes += m.kind === 'text' ? 24 + m.text.length : 24;
          for (const l of o.logs) debug[t]!.bytes += l.length + 1;
        }
      },
    };
    if (hooks.onCall) options.onCall = hooks.onCall;
    if (job.freeze && job.freeze.length > 0) options.freeze = job.freeze;
    const onHostWork = hooks.onHostWork;
    const played: [TeamController, TeamController] = onHostWork ? [markReturns(teams[0]!, onHostWork), markReturns(teams[1]!, onHostWork)] : [teams[0]!, teams[1]!];
    const result = runMatch(job.config, writer.wrap(played), options);
    // What only the sandbox knows goes into the result and the replay's footer too.
    for (const t of [0, 1] as const) {
      const st = teams[t]!.stats();
      result.teams[t].memoryHighWater = st.memoryHighWater;
      result.teams[t].sanitisedTicks = st.sanitisedTicks;
    }
    const replay = writer.finish(result);
    const setupLogs: [string[], string[]] = [teams[0]!.setupLogs, teams[1]!.setupLogs];
    return { result: { ...result, sandbox: [teams[0]!.stats(), teams[1]!.stats()], debug: [debug[0]!, debug[1]!], setupLogs }, replay };
  } finally {
    for (const t of teams) t.dispose();
  }
}
