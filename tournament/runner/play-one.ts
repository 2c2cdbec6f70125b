// Plays one match with both teams sandboxed and records its replay: what a match process does per job.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { runMatch, type MatchRunOptions } from '../../engine/match.js';
import { makeReplayHeader, ReplayWriter, type ReplaySink } from '../../engine/replay/index.js';
import type { TeamSource } from '../../engine/replay/types.js';
import { createSandboxController, isPythonPolicy, pythonRuntime, resolveLimits } from '../../sandbox/index.js';
import type { TeamSpec } from '../types.js';
import type { MatchJob, RunResult } from './job.js';

function teamSource(t: TeamSpec, given: string | undefined): TeamSource {
  const source = given ?? readFileSync(t.file, 'utf8');
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

/** Plays `job` and returns the result plus the whole replay file's bytes. */
export function playOne(job: MatchJob, hooks: PlayHooks = {}): { result: Omit<RunResult, 'crashes' | 'pid'>; replay: Uint8Array } {
  const limits = resolveLimits(job.limits);
  const sources: [TeamSource, TeamSource] = [teamSource(job.home, job.policies?.[0].source), teamSource(job.away, job.policies?.[1].source)];
  const python = isPythonPolicy(job.home) || isPythonPolicy(job.away);
  const header = makeReplayHeader(job.config, {
    runtime: { node: process.versions.node, v8: process.versions.v8, isolatedVm: isolatedVmVersion(), ...(python ? { python: pythonRuntime() } : {}) },
    budget: { ...limits },
    teams: sources,
  });
  const writer = new ReplayWriter(header, hooks.sink);
  const teams = [job.home, job.away].map((t, i) =>
    createSandboxController({ source: sources[i]!.source, filename: t.file, teamName: t.name, seed: job.config.seed, limits, ...(job.policies ? { prepared: job.policies[i]!.policy } : {}) }),
  );
  try {
    const options: MatchRunOptions = { listeners: [writer] };
    if (hooks.onCall) options.onCall = hooks.onCall;
    if (job.freeze && job.freeze.length > 0) options.freeze = job.freeze;
    // A death once a policy call has returned is charged to no team.
    if (hooks.onHostWork) {
      const onHostWork = hooks.onHostWork;
      options.onReturn = (tick) => onHostWork(tick);
    }
    const result = runMatch(job.config, [teams[0]!, teams[1]!], options);
    const setupLogs: [string[], string[]] = [teams[0]!.setupLogs, teams[1]!.setupLogs];
    return { result: { ...result, limits, setupLogs }, replay: writer.file() };
  } finally {
    for (const t of teams) t.dispose();
  }
}
