// One short sandboxed match played in-process (as a worker's match process plays it), then handed to
// the coordinator's check with the job it answers and with jobs it does not answer.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ReplayReader } from '../../engine/replay/reader.js';
import { defaultConfig } from '../../engine/setup.js';
import { resolveTeam } from '../../policies/builtins.js';
import { resultFromOutput } from '../../tournament/queue/collect.js';
import { JOB_FORMAT, type JobData, type WorkerOutput } from '../../tournament/queue/schema.js';
import { localVersions } from '../../tournament/queue/versions.js';
import { playOne } from '../../tournament/runner/play-one.js';
import type { RunResult } from '../../tournament/runner/job.js';

function problem(f: () => unknown): string {
  try {
    f();
    return '(accepted)';
  } catch (e) {
    return (e as Error).message;
  }
}

export async function collectCheck(homeSpec = 'builtin:chaser') {
  const home = resolveTeam(homeSpec);
  const away = resolveTeam('builtin:statue');
  const config = defaultConfig({ seed: 11, homeName: home.name, awayName: away.name, halfTicks: 30 });
  const { result, replay } = playOne({ config, home, away });
  const sha = (file: string) => createHash('sha256').update(readFileSync(file, 'utf8')).digest('hex');
  const job: JobData = {
    format: JOB_FORMAT,
    cup: '0123456789abcdef',
    matchId: 'M1',
    config,
    home: { spec: home.spec, name: home.name, file: basename(home.file), sha256: sha(home.file) },
    away: { spec: away.spec, name: away.name, file: basename(away.file), sha256: sha(away.file) },
    versions: localVersions(),
  };
  const meta: WorkerOutput = { worker: 'w', pid: 1, playMs: 5, crashes: [], setupLogs: result.setupLogs, nonReproducible: false };
  const json = JSON.stringify(meta);
  const ok: RunResult = resultFromOutput(job, 'j', replay, json);
  return {
    local: result,
    ok,
    otherSeed: problem(() => resultFromOutput({ ...job, config: { ...config, seed: 12 } }, 'j', replay, json)),
    otherTeam: problem(() => resultFromOutput({ ...job, home: { ...job.home, sha256: 'f'.repeat(64) } }, 'j', replay, json)),
    otherVersions: problem(() => resultFromOutput({ ...job, versions: { ...job.versions, node: '1.0.0' } }, 'j', replay, json)),
    otherPython: problem(() => resultFromOutput({ ...job, versions: { ...job.versions, python: `1.0.0/${'0'.repeat(64)}` } }, 'j', replay, json)),
    python: new ReplayReader(replay, 'r').header.runtime.python ?? null,
    badMeta: problem(() => resultFromOutput(job, 'j', replay, JSON.stringify({ ...meta, crashes: 'none' }))),
    notJson: problem(() => resultFromOutput(job, 'j', replay, '{')),
    truncated: problem(() => resultFromOutput(job, 'j', replay.subarray(0, replay.length - 100), json)),
  };
}
