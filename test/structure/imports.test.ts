// Imports point one way and the engine stays deterministic: checked over every source file, plus a
// self-check on synthetic trees that proves each rule can fail.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadProject } from './graph.js';
import { check, type Manifest } from './rules.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function manifest(): Manifest {
  const pkg = JSON.parse(readFileSync(ROOT + 'package.json', 'utf8')) as { dependencies?: object; devDependencies?: object };
  return { packages: new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]) };
}

const PKGS: Manifest = { packages: new Set(['seedrandom', 'fflate', 'react', 'react-dom', 'zod', 'ws']) };

/** A tiny project that keeps every rule; each case below breaks it in one way. */
const CLEAN: Record<string, string> = {
  'engine/state.ts': "import seedrandom from 'seedrandom';\nexport const x = Math.sqrt(2) + Math.floor(1.5);\nexport const r = seedrandom;\n",
  'engine/step.ts': "import { x } from './state.js';\nimport type { T } from './types.js';\nexport const y: T = Math.max(x, 1);\nconst o = { Date: 1, sin: 2 };\nexport const z = o.Date + o.sin;\n",
  'engine/types.ts': 'export type T = number;\n',
  'engine/policy.d.ts': 'export interface P { at: Date }\n',
  'sandbox/index.ts': "import { y } from '../engine/step.js';\nexport const s = y;\n",
  'tournament/cup.ts': "import { s } from '../sandbox/index.js';\nimport { z } from 'zod';\nimport type { P } from '../engine/policy.js';\nexport const c = s;\nexport const v = z;\nexport type Q = P;\n",
  'viewer/protocol.ts': "import { z } from 'zod';\nexport const W = z;\n",
  'viewer/client/app.tsx': "import { useState } from 'react';\nimport { W } from '../protocol.js';\nimport '../client/styles.css';\nimport { x } from '../../engine/state.js';\nexport const a = [useState, W, x];\n",
  'viewer/server/index.ts': "import { c } from '../../tournament/cup.js';\nimport { WebSocketServer } from 'ws';\nexport const b = [c, WebSocketServer];\n",
  'policies/team.ts': "import type { P } from '../engine/policy.js';\nexport type R = P;\n",
  'bin/cli.ts': "import { b } from '../viewer/server/index.js';\nimport type { R } from '../policies/team.js';\nexport const d = b;\nexport type S = R;\n",
  'test/cli.test.ts': "import { d } from '../bin/cli.js';\nimport { y } from '../engine/step.js';\nexport const t = [d, y];\n",
};

function tree(changes: Record<string, string | null>): Map<string, string> {
  const files = new Map(Object.entries(CLEAN));
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) files.delete(k);
    else files.set(k, v);
  }
  return files;
}

describe('import and determinism rules', () => {
  it('hold for every source file of the project', () => {
    // One line per violation: the file and line, the rule, and what to do.
    expect(check(loadProject(ROOT), manifest())).toEqual([]);
  });

  describe('the checker (self-check on synthetic trees)', () => {
    it('passes a tree that keeps every rule', () => {
      expect(check(tree({}), PKGS, [])).toEqual([]);
    });

    const cases: Array<[string, Record<string, string | null>, RegExp]> = [
      ['a two-file cycle', { 'engine/types.ts': "import { y } from './step.js';\nexport type T = number;\nexport const u = y;\n" }, /^import cycle: engine\/state\.ts -> engine\/step\.ts -> engine\/types\.ts -> engine\/state\.ts$|^import cycle: engine\/step\.ts -> engine\/types\.ts -> engine\/step\.ts$/],
      ['a cycle through a type-only import', { 'engine/types.ts': "import type { y } from './step.js';\nexport type T = typeof y;\n" }, /^import cycle: engine\/step\.ts -> engine\/types\.ts -> engine\/step\.ts$/],
      ['a file importing itself', { 'engine/types.ts': "export * from './types.js';\nexport type T = number;\n" }, /^import cycle: engine\/types\.ts -> engine\/types\.ts$/],
      ['the engine importing a node module', { 'engine/types.ts': "import { readFileSync } from 'node:fs';\nexport type T = number;\nexport const f = readFileSync;\n" }, /^engine\/types\.ts:1: the engine imports 'node:fs'/],
      ['the engine importing an undeclared library', { 'engine/types.ts': "import { z } from 'zod';\nexport type T = number;\nexport const f = z;\n" }, /^engine\/types\.ts:1: the engine imports 'zod'/],
      ['the engine importing another folder', { 'engine/types.ts': "export { c } from '../tournament/cup.js';\nexport type T = number;\n" }, /^engine\/types\.ts:1: engine\/ may not import tournament\/cup\.ts/],
      ['the engine importing a type from another folder', { 'engine/types.ts': "export type T = import('../sandbox/index.js').S;\n" }, /^engine\/types\.ts:1: engine\/ may not import sandbox\/index\.ts/],
      ['the sandbox importing the tournament', { 'sandbox/index.ts': "import { c } from '../tournament/cup.js';\nexport const s = c;\n" }, /^sandbox\/index\.ts:1: sandbox\/ may not import tournament\/cup\.ts/],
      ['the client importing the server side', { 'viewer/client/app.tsx': "import { c } from '../../tournament/cup.js';\nexport const a = c;\n" }, /^viewer\/client\/app\.tsx:1: viewer\/client\/ may not import tournament\/cup\.ts/],
      ['the client importing a node module', { 'viewer/client/app.tsx': "const m = await import('node:fs');\nexport const a = m;\n" }, /^viewer\/client\/app\.tsx:1: the browser client imports 'node:fs'/],
      ['the viewer importing the CLI', { 'viewer/server/index.ts': "import { d } from '../../bin/cli.js';\nexport const b = d;\n" }, /^viewer\/server\/index\.ts:1: imports bin\/cli\.ts; nothing outside bin\/ imports the CLI/],
      ['a script importing the CLI', { 'scripts/tool.ts': "import { d } from '../bin/cli.js';\nexport const t = d;\n" }, /^scripts\/tool\.ts:1: imports bin\/cli\.ts/],
      ['the tournament importing a reference team', { 'tournament/cup.ts': "import type { R } from '../policies/team.js';\nexport type Q = R;\n" }, /^tournament\/cup\.ts:1: tournament\/ may not import policies\/team\.ts/],
      ['an undeclared package', { 'tournament/cup.ts': "import left from 'left-pad';\nexport const c = left;\n" }, /^tournament\/cup\.ts:1: imports 'left-pad', which package\.json does not declare/],
      ['a folder with no rule', { 'orbit/db.ts': "export const q = 1;\n" }, /^orbit\/db\.ts: not in any area/],
      ['an import that resolves nowhere', { 'sandbox/index.ts': "import { q } from './missing.js';\nexport const s = q;\n" }, /^sandbox\/index\.ts:1: cannot resolve '\.\/missing\.js'/],
      ['Math.sin in the engine', { 'engine/types.ts': 'export type T = number;\nexport const a = Math.sin(1);\n' }, /^engine\/types\.ts:2: Math\.sin in the engine/],
      ['Math.random in the engine', { 'engine/types.ts': 'export type T = number;\nexport const a = Math.random();\n' }, /^engine\/types\.ts:2: Math\.random in the engine/],
      ['Math.atan2, hypot, pow, exp and log in the engine', { 'engine/types.ts': 'export type T = number;\nexport const a = [Math.atan2(1, 2), Math.hypot(1, 2), Math.pow(2, 0.5), Math.exp(1), Math.log(2)];\n' }, /^engine\/types\.ts:2: Math\.atan2 in the engine/],
      ['Math reached indirectly', { 'engine/types.ts': "export type T = number;\nconst M = Math;\nexport const a = M['cos'](1);\n" }, /^engine\/types\.ts:2: Math used other than as Math\.<exact function>/],
      ['Date in the engine', { 'engine/types.ts': 'export type T = number;\nexport const a = Date.now();\n' }, /^engine\/types\.ts:2: Date in the engine/],
      ['performance in the engine', { 'engine/types.ts': 'export type T = number;\nexport const a = performance.now();\n' }, /^engine\/types\.ts:2: performance in the engine/],
      ['a power in the engine', { 'engine/types.ts': 'export type T = number;\nexport const a = 2 ** 0.5;\n' }, /^engine\/types\.ts:2: \*\* in the engine/],
    ];
    for (const [what, changes, expected] of cases) {
      it(`reports ${what}`, () => {
        const found = check(tree(changes), PKGS, []);
        expect(found.some((line) => expected.test(line)), found.join('\n') || '(nothing reported)').toBe(true);
      });
    }

    it('allows a listed exception, and reports one that matches nothing any more', () => {
      const broken = tree({ 'tournament/cup.ts': "import type { R } from '../policies/team.js';\nexport type Q = R;\n" });
      const exception = { from: 'tournament/cup.ts', to: 'policies/team.ts', why: 'test' };
      expect(check(broken, PKGS, [exception])).toEqual([]);
      expect(check(tree({}), PKGS, [exception])).toEqual(['test/structure/rules.ts: exception tournament/cup.ts -> policies/team.ts matches no import any more: delete it']);
    });
  });
});
