// Python policies' speed (issue 12): py_init_ms, the interpreter ready inside a fresh isolate
// (median of 7 set-ups of a one-line policy: isolate, module compile, prelude, load); py_match_ms,
// the Python starter against builtin:chaser, a full default match, sandboxed, in this process;
// py_js_ratio, that over the same match with the JavaScript starter (run back to back, alternating).
// Figures are process CPU, which a loaded machine disturbs less than wall time; the wall figures ride along.
import { fileURLToPath } from 'node:url';
import { runMatch } from '../../engine/match.js';
import { matchInfo } from '../../engine/observation.js';
import { createMatch, defaultConfig } from '../../engine/setup.js';
import { createSandboxController } from '../../sandbox/index.js';
import { median } from './median.js';

const policy = (name: string): string => fileURLToPath(new URL(`../../policies/${name}`, import.meta.url));

function cpuMs(f: () => void): { cpu: number; wall: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  f();
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1000, wall: performance.now() - t0 };
}


function initMs(): { cpu: number; wall: number } {
  const info = matchInfo(createMatch(defaultConfig({ seed: 1, homeName: 'py', awayName: 'x' })), 0);
  const cpu: number[] = [];
  const wall: number[] = [];
  // The first set-up also builds or reads the metered module and the runtime bundle: not counted.
  for (let i = 0; i < 8; i++) {
    const c = createSandboxController({ source: 'def tick(obs):\n    return []\n', filename: 'init.py' });
    const m = cpuMs(() => {
      if (!c.setup(info).ok) throw new Error('the one-line Python policy did not start');
    });
    c.dispose();
    if (i > 0) {
      cpu.push(m.cpu);
      wall.push(m.wall);
    }
  }
  return { cpu: median(cpu), wall: median(wall) };
}

function matchMs(file: string): { cpu: number; wall: number; hash: string } {
  const home = createSandboxController({ file: policy(file) });
  const away = createSandboxController({ file: policy('chaser.js') });
  let hash = '';
  try {
    const m = cpuMs(() => {
      hash = runMatch(defaultConfig({ seed: 1, homeName: 'starter', awayName: 'chaser' }), [home, away]).hash;
    });
    return { ...m, hash };
  } finally {
    home.dispose();
    away.dispose();
  }
}

export async function pythonBench(): Promise<Record<string, number | string>> {
  const init = initMs();
  const py = matchMs('starter.py');
  const js = matchMs('starter.js');
  if (py.hash !== js.hash) throw new Error(`the Python starter played another match than the JavaScript one (${py.hash} vs ${js.hash})`);
  return {
    py_init_ms: Math.round(init.cpu * 10) / 10,
    py_init_wall_ms: Math.round(init.wall * 10) / 10,
    py_match_ms: Math.round(py.cpu),
    py_match_wall_ms: Math.round(py.wall),
    py_js_ratio: Math.round((py.cpu / js.cpu) * 100) / 100,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await pythonBench();
  console.log(JSON.stringify(r));
}
