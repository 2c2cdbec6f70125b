// Replay benchmark: the compressed size of a default-length match (the viewer aims for under 300 KB).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inProcessController } from '../../engine/inprocess.js';
import { runMatch } from '../../engine/match.js';
import type { PolicyModule } from '../../engine/policy.js';
import { makeReplayHeader, ReplayWriter, type TeamSource } from '../../engine/replay/index.js';
import { defaultConfig } from '../../engine/setup.js';

async function team(name: string): Promise<{ module: PolicyModule; source: TeamSource }> {
  const url = new URL(`../../policies/${name}.js`, import.meta.url);
  const text = readFileSync(url, 'utf8');
  const source = { name, spec: `builtin:${name}`, file: `${name}.js`, sha256: createHash('sha256').update(text).digest('hex'), source: text };
  return { module: (await import(url.href)) as PolicyModule, source };
}

/** Size in KB of the whole replay file (sources embedded) of builtin:possession v builtin:chaser, seed 1, default length. */
export async function replayBench(): Promise<{ replay_kb: number }> {
  const [home, away] = await Promise.all([team('possession'), team('chaser')]);
  const config = defaultConfig({ seed: 1, homeName: 'possession', awayName: 'chaser' });
  const writer = new ReplayWriter(
    makeReplayHeader(config, { runtime: { node: process.versions.node, v8: process.versions.v8, isolatedVm: null }, budget: null, teams: [home.source, away.source] }),
  );
  runMatch(config, [inProcessController(home.module), inProcessController(away.module)], { listeners: [writer] });
  const bytes = writer.file();
  return { replay_kb: Math.round(bytes.length / 102.4) / 10 };
}
