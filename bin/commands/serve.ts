// `matchday serve <cup folder | scrim folder | replay file>`: the viewer, until Ctrl-C.
import type { Command } from 'commander';
import { DEFAULT_HOST, DEFAULT_PORT } from '../../viewer/protocol.js';
import { intOption } from '../errors.js';

interface ServeOptions {
  port: string;
  host: string;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the viewer for a cup folder, a scrim folder or one replay file')
    .argument('<path>', 'a cup folder, a scrim folder, or a replay file (.mdr)')
    .option('--port <n>', `port to listen on; 0 picks a free one`, String(DEFAULT_PORT))
    .option('--host <host>', 'address to bind; 0.0.0.0 lets other machines watch', DEFAULT_HOST)
    .action(async (path: string, opts: ServeOptions) => {
      const port = intOption('--port', opts.port, 0, 65535);
      // Loaded here, not at start: the server brings ws and node:http, a fifth of the CLI's start-up CPU.
      const { startServer } = await import('../../viewer/server/index.js');
      const server = await startServer({ root: path, port, host: opts.host });
      process.stdout.write(`matchday viewer serving ${server.source.kind} ${path}\n  open ${server.url}\n  (Ctrl-C to stop)\n`);
      await new Promise<void>((done) => {
        const stop = (): void => {
          server.close().then(done, done);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
