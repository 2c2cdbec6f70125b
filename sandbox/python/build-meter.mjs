// Builds the metered interpreter (see meter.ts): MicroPython's WebAssembly module with a fuel
// counter inside it, one unit at every function entry and loop head. Plain JavaScript so any
// process can run it once, without a TypeScript loader: node build-meter.mjs <in.wasm> <out.wasm>
import { readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import binaryen from 'binaryen';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node build-meter.mjs <in.wasm> <out.wasm>');
  process.exit(2);
}
const F = binaryen.Features;
const mod = binaryen.readBinary(readFileSync(input));
// Node 20 reads exactly these; Features.All would emit encodings it cannot.
mod.setFeatures(
  F.MVP | F.MutableGlobals | F.SignExt | F.BulkMemory | F.BulkMemoryOpt | F.NontrappingFPToInt |
    F.Multivalue | F.ReferenceTypes | F.ExceptionHandling | F.SIMD128,
);
// binaryen's own pass puts a call to env.log_execution(id) at every function entry and loop head ...
mod.runPasses(['log-execution']);
let probe = null;
for (let i = 0; i < mod.getNumFunctions(); i++) {
  const f = binaryen.getFunctionInfo(mod.getFunctionByIndex(i));
  if (f.module === 'env' && f.base === 'log_execution') probe = f.name;
}
if (probe === null) throw new Error('binaryen added no log_execution probe');
const params = binaryen.getFunctionInfo(mod.getFunction(probe)).params;
mod.removeFunction(probe);
// ... which becomes an internal function, inlined everywhere: fuel -= 1; if (fuel < 0) md.fuel_out().
// The counter is a global of the module: no Python code, and no other import, can reach it.
mod.addGlobal('md_fuel', binaryen.i32, true, mod.i32.const(0));
mod.addGlobalExport('md_fuel', 'md_fuel');
mod.addFunctionImport('md_fuel_out', 'md', 'fuel_out', binaryen.none, binaryen.none);
const fuel = () => mod.global.get('md_fuel', binaryen.i32);
mod.addFunction(
  probe,
  params,
  binaryen.none,
  [],
  mod.block(null, [
    mod.global.set('md_fuel', mod.i32.sub(fuel(), mod.i32.const(1))),
    mod.if(mod.i32.lt_s(fuel(), mod.i32.const(0)), mod.call('md_fuel_out', [], binaryen.none)),
  ]),
);
binaryen.setAlwaysInlineMaxSize(40);
binaryen.setOptimizeLevel(1);
binaryen.setShrinkLevel(0);
mod.runPasses(['inlining', 'remove-unused-module-elements']);
if (!mod.validate()) throw new Error('the metered module does not validate');
const out = mod.emitBinary();
mod.dispose();
mkdirSync(dirname(output), { recursive: true });
// Written under a unique name and renamed: processes building at once never see half a file.
const tmp = `${output}.${process.pid}.tmp`;
writeFileSync(tmp, out);
renameSync(tmp, output);
