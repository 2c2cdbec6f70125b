// The matchday command line: one subcommand per file in bin/commands, clear errors, non-zero exits.
import { Command, CommanderError } from 'commander';
import { UserError } from './errors.js';
import { ENGINE_VERSION } from '../engine/version.js';
import { REPLAY_FORMAT_VERSION } from '../engine/replay/format.js';

const program = new Command('matchday')
  .description('A deterministic football tournament for programs.')
  .showHelpAfterError('(run with --help for usage)')
  // What decides whether two machines give the same results: a bug report should quote it whole.
  .version(`matchday engine ${ENGINE_VERSION}, replay format ${REPLAY_FORMAT_VERSION}, node ${process.versions.node}, v8 ${process.versions.v8}`, '-V, --version')
  .exitOverride();

/**
 * Every command, in the order --help lists them, loaded on demand: a command's file (and the packages it
 * imports: the queue's Redis client, the viewer's server, progress bars) loads only when that command runs
 * or when the whole list is wanted (--help, an unknown command). `matchday --help` then pays for all of
 * them; `matchday play` paid for all the others before (docs/PERFORMANCE.md).
 */
const COMMANDS: Record<string, () => Promise<(program: Command) => void>> = {
  play: async () => (await import('./commands/play.js')).registerPlay,
  verify: async () => (await import('./commands/verify.js')).registerVerify,
  cup: async () => (await import('./commands/cup.js')).registerCup,
  validate: async () => (await import('./commands/validate.js')).registerValidate,
  serve: async () => (await import('./commands/serve.js')).registerServe,
  scrim: async () => (await import('./commands/scrim.js')).registerScrim,
  spec: async () => (await import('./commands/spec.js')).registerSpec,
  new: async () => (await import('./commands/new.js')).registerNew,
  inspect: async () => (await import('./commands/inspect.js')).registerInspect,
  worker: async () => (await import('./commands/worker.js')).registerWorker,
  season: async () => (await import('./commands/season.js')).registerSeason,
  host: async () => (await import('./commands/host.js')).registerHost,
  submit: async () => (await import('./commands/submit.js')).registerSubmit,
  notebook: async () => (await import('./commands/notebook.js')).registerNotebook,
  logs: async () => (await import('./commands/logs.js')).registerLogs,
};

// The program has no options of its own before the command, so the first argument names the command.
const named = process.argv[2];
const wanted = named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS);
for (const register of await Promise.all(wanted.map((name) => COMMANDS[name]!()))) register(program);

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
