// The matchday command line: one subcommand per file in bin/commands, clear errors, non-zero exits.
import { Command, CommanderError } from 'commander';
import { registerCup } from './commands/cup.js';
import { registerPlay } from './commands/play.js';
import { registerValidate } from './commands/validate.js';
import { registerServe } from './commands/serve.js';
import { registerVerify } from './commands/verify.js';
import { registerScrim } from './commands/scrim.js';
import { registerSpec } from './commands/spec.js';
import { registerNew } from './commands/new.js';
import { registerInspect } from './commands/inspect.js';
import { registerWorker } from './commands/worker.js';
import { registerSeason } from './commands/season.js';
import { registerHost } from './commands/host.js';
import { registerSubmit } from './commands/submit.js';
import { registerNotebook } from './commands/notebook.js';
import { registerLogs } from './commands/logs.js';
import { UserError } from './errors.js';
import { ENGINE_VERSION } from '../engine/version.js';
import { REPLAY_FORMAT_VERSION } from '../engine/replay/format.js';

const program = new Command('matchday')
  .description('A deterministic football tournament for programs.')
  .showHelpAfterError('(run with --help for usage)')
  // What decides whether two machines give the same results: a bug report should quote it whole.
  .version(`matchday engine ${ENGINE_VERSION}, replay format ${REPLAY_FORMAT_VERSION}, node ${process.versions.node}, v8 ${process.versions.v8}`, '-V, --version')
  .exitOverride();

registerPlay(program);
registerVerify(program);
registerCup(program);
registerValidate(program);
registerServe(program);
registerScrim(program);
registerSpec(program);
registerNew(program);
registerInspect(program);
registerWorker(program);
registerSeason(program);
registerHost(program);
registerSubmit(program);
registerNotebook(program);
registerLogs(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // Commander already printed its message (or the help text).
    process.exit(e.exitCode);
  }
  if (e instanceof UserError) {
    process.stderr.write(`matchday: ${e.message}\n`);
    process.exit(e.exitCode);
  }
  process.stderr.write(`matchday: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(2);
}
