// The figures the Python section of the brief states (test/docs/python-facts.ts), measured in the
// real sandbox: the modules a policy may import, what common work costs in fuel, recursion depth.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runMatch } from '../../engine/match.js';
import { matchInfo } from '../../engine/observation.js';
import { createMatch, defaultConfig } from '../../engine/setup.js';
import { createSandboxController } from '../../sandbox/index.js';
import { PY_COST_TOLERANCE, PY_COSTS, PY_MODULES, PY_RECURSION_DEPTH } from './python-facts.js';
import { ROOT } from './render.js';

/** Median fuel per tick of `source` over a short match against the chaser, and its faults. */
function measure(source: string, halfTicks = 20): { median: number; faults: string[] } {
  const home = createSandboxController({ source, filename: 'm.py' });
  const away = createSandboxController({ file: ROOT + 'policies/chaser.js' });
  try {
    const r = runMatch(defaultConfig({ seed: 1, halfTicks, homeName: 'py', awayName: 'chaser' }), [home, away]);
    return { median: home.stats().budget.median, faults: r.teams[0].faults.map((f) => f.message) };
  } finally {
    home.dispose();
    away.dispose();
  }
}

function near(measured: number, stated: number, what: string): void {
  expect(Math.abs(measured - stated) / stated, `${what}: measured ${measured}, the brief says about ${stated}`).toBeLessThanOrEqual(PY_COST_TOLERANCE);
}

const loop = (n: number): string => `def tick(obs):\n    s = 0\n    for i in range(${n}):\n        s += i * i % 7\n    return []\n`;
const calls = (n: number): string => `def f(x):\n    return x + 1\n\ndef tick(obs):\n    s = 0\n    for i in range(${n}):\n        s = f(s)\n    return []\n`;
const distances = (n: number): string =>
  `def tick(obs):\n    b = obs.ball\n    s = 0.0\n    for p in obs.own * ${n}:\n        dx = p.x - b.x\n        dy = p.y - b.y\n        s += dx * dx + dy * dy\n    return []\n`;

describe("the Python brief's figures", () => {
  it('fuel: the observation, a loop iteration, a call, a distance, a tick of the starter', () => {
    const empty = measure(loop(0));
    expect(empty.faults).toEqual([]);
    near(empty.median, PY_COSTS.observation, 'an empty tick');
    near((measure(loop(2000)).median - empty.median) / 2000, PY_COSTS.loopIteration, 'a loop iteration');
    near((measure(calls(2000)).median - measure(calls(0)).median) / 2000 - PY_COSTS.loopIteration, PY_COSTS.call, 'a call');
    near((measure(distances(100)).median - measure(distances(0)).median) / 1100, PY_COSTS.distance, 'a distance');
    near(measure(readFileSync(ROOT + 'policies/starter.py', 'utf8'), 100).median, PY_COSTS.starterTick, 'a tick of the starter');
  });

  it('modules: each listed one imports, the sandbox names exactly these, others are refused', () => {
    const src = [
      ...PY_MODULES.map((m) => `import ${m}`),
      'def setup(info):',
      '    for name in ("os", "socket", "js", "threading"):',
      '        try:',
      '            __import__(name)',
      '            print("imported " + name)',
      '        except ImportError as e:',
      '            allowed = str(e).split("allows: ")[1].rstrip(")").split(", ")',
      '            print("refused %s; %s" % (name, " ".join(a for a in allowed if not (a[0] == "u" and a[1:] in allowed))[:150]))',
      'def tick(obs):',
      '    return []',
    ].join('\n');
    const c = createSandboxController({ source: src, filename: 'mods.py' });
    try {
      const s = c.setup(defaultInfo());
      expect(s).toEqual({ ok: true });
      const names = PY_MODULES.join(' ');
      expect(c.setupLogs).toEqual(['os', 'socket', 'js', 'threading'].map((n) => `refused ${n}; ${names}`.slice(0, `refused ${n}; `.length + 150)));
    } finally {
      c.dispose();
    }
  });

  it('recursion: the stated depth raises RuntimeError; f-strings and starred unpacking work', () => {
    const src = [
      'depth = 0',
      'def f(n):',
      '    global depth',
      '    depth = n',
      '    f(n + 1)',
      'def setup(info):',
      '    try:',
      '        f(1)',
      '    except RuntimeError as e:',
      '        print(f"{depth} {e}")',
      '    x, y, *rest = (1, 2, 3, 4)',
      '    print(f"{x} {y} {rest}")',
      'def tick(obs):',
      '    return []',
    ].join('\n');
    const c = createSandboxController({ source: src, filename: 'deep.py' });
    try {
      expect(c.setup(defaultInfo())).toEqual({ ok: true });
      expect(c.setupLogs).toEqual([`${PY_RECURSION_DEPTH} maximum recursion depth exceeded`, '1 2 [3, 4]']);
    } finally {
      c.dispose();
    }
  });
});

function defaultInfo() {
  return matchInfo(createMatch(defaultConfig({ seed: 1, homeName: 'a', awayName: 'b' })), 0);
}
