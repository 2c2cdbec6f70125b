// The workload test/bench/vcpu.ts pins to one CPU: an in-process match of two reference teams (engine and
// policy code, cache- and memory-heavy like a real match). Prints the least CPU ms of its warm rounds.
import { inProcessController } from '../../engine/inprocess.js';
import { runMatch } from '../../engine/match.js';
import type { PolicyModule } from '../../engine/policy.js';
import { defaultConfig } from '../../engine/setup.js';

const ROUNDS = 4;
const HALF_TICKS = 1500;
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
// Template paths, as engine.ts loads them: the policies are plain JavaScript without declarations.
const load = async (name: string): Promise<PolicyModule> => (await import(`../../policies/${name}.js`)) as PolicyModule;
const home = await load('possession');
const away = await load('direct');
let best = Infinity;
for (let r = 0; r < ROUNDS; r++) {
  const t0 = cpuMs();
  runMatch(defaultConfig({ seed: 1 + r, homeName: 'h', awayName: 'a', halfTicks: HALF_TICKS }), [inProcessController(home), inProcessController(away)]);
  // The first round warms the JIT; the rest are what the CPU does with warm code.
  if (r > 0) best = Math.min(best, cpuMs() - t0);
}
process.stdout.write(`${Math.round(best)}\n`);
