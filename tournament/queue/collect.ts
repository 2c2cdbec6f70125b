// The coordinator's side of a finished job: a worker's replay and output are input from another
// machine, so the replay is read with the hardened reader, held to the match that was asked for
// (config, teams and sources, versions), and the result is rebuilt from it rather than taken on trust.
import { ReplayReader } from '../../engine/replay/reader.js';
import { canonicalJson } from '../../engine/replay/canonical-json.js';
import { isPythonPolicy, resolveLimits, type SandboxLimits } from '../../sandbox/index.js';
import type { RunResult } from '../runner/job.js';
import { MAX_REPLAY_BYTES, workerOutputSchema, type JobData, type WorkerOutput } from './schema.js';
import { pythonText } from './versions.js';

/** The result of `job` from a worker's stored output; throws an Error naming the job and the problem. */
export function resultFromOutput(job: JobData, jobId: string, replay: Uint8Array, metaJson: string): RunResult & { output: WorkerOutput } {
  const where = `job ${jobId}`;
  if (replay.length === 0 || replay.length > MAX_REPLAY_BYTES) throw new Error(`${where}: the worker's replay is ${replay.length} bytes`);
  let meta: unknown;
  try {
    meta = JSON.parse(metaJson);
  } catch {
    throw new Error(`${where}: the worker's output is not JSON`);
  }
  const out = workerOutputSchema.safeParse(meta);
  if (!out.success) throw new Error(`${where}: the worker's output is malformed: ${out.error.issues[0]?.message ?? ''}`);
  // The reader checks the file's structure, every CRC and the header's and footer's types and bounds:
  // all the result is built from. Frames are decoded (and so checked) by whoever reads them later
  // (viewer, verify, inspect), not here, where decoding every segment cost more than the rest of the queue.
  const reader = new ReplayReader(replay, `${where} (from worker ${out.data.worker})`);
  const h = reader.header;
  const problems: string[] = [];
  if (canonicalJson(h.config) !== canonicalJson(job.config)) problems.push('its match config differs from the job');
  const teams = [job.home, job.away] as const;
  h.teams.forEach((t, i) => {
    const want = teams[i]!;
    if (t.sha256 !== want.sha256 || t.name !== want.name || t.spec !== want.spec || t.file !== want.file) problems.push(`team ${i === 0 ? 'home' : 'away'} differs from the job`);
  });
  const v = job.versions;
  if (h.engine !== v.engine || h.runtime.node !== v.node || h.runtime.v8 !== v.v8 || h.runtime.isolatedVm !== v.isolatedVm || reader.version !== v.replayFormat) {
    problems.push(`it was played under other versions (engine ${h.engine}, Node ${h.runtime.node}, V8 ${h.runtime.v8}, isolated-vm ${h.runtime.isolatedVm}, format ${reader.version})`);
  }
  // Only a Python team is metered by the interpreter; a replay without one records none.
  const python = [job.home, job.away].some((t) => isPythonPolicy(t)) ? v.python : null;
  const recordedPython = h.runtime.python ? pythonText(h.runtime.python) : null;
  if (recordedPython !== python) problems.push(`its Python interpreter differs (${recordedPython ?? 'none'} in the replay, ${python ?? 'none'} asked for)`);
  const limits: SandboxLimits = resolveLimits(job.limits);
  if (canonicalJson(h.budget) !== canonicalJson({ ...limits })) problems.push('its sandbox limits differ from the job');
  if (problems.length) throw new Error(`${where}: the replay from worker ${out.data.worker} is not the match asked for: ${problems.join('; ')}`);
  const f = reader.footer;
  return {
    config: h.config,
    score: f.score,
    shootout: f.shootout,
    winner: f.winner,
    ticks: f.ticks,
    hash: f.hash,
    checkpoints: f.checkpoints,
    endReason: f.endReason,
    events: f.events,
    stats: f.stats,
    teams: f.teams,
    forfeit: f.forfeit,
    // The wall clock may have decided something on the worker: either record of it counts.
    nonReproducible: f.nonReproducible || out.data.nonReproducible,
    limits,
    setupLogs: out.data.setupLogs,
    crashes: out.data.crashes,
    pid: out.data.pid,
    output: out.data,
  };
}
