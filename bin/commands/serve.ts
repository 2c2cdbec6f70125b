// `matchday serve <cup folder | scrim folder | replay file>`: the viewer, until Ctrl-C.
import type { Command } from 'commander';
import { DEFAULT_HOST, DEFAULT_PORT } from '../../viewer/protocol.js';
import { intOption } from '../errors.js';
import { allowOriginOption } from './http-options.js';

interface ServeOptions {
  port: string;
  host: string;
  allowOrigin?: string[];
  build: boolean;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the viewer for a cup folder, a scrim folder or one replay file')
    .argument('<path>', 'a cup folder, a scrim folder, or a replay file (.mdr)')
    .option('--port <n>', `port to listen on; 0 picks a free one`, String(DEFAULT_PORT))
    .option('--host <host>', 'address to bind; 0.0.0.0 lets other machines watch', DEFAULT_HOST)
    .addOption(allowOriginOption())
    .option('--no-build', 'serve viewer/dist as it is, even when it is missing or older than the sources')
    .action(async (path: string, opts: ServeOptions) => {
      const port = intOption('--port', opts.port, 0, 65535);
      // Loaded here, not at start: the server brings fastify and ws, a good part of the CLI's start-up CPU.
      const { startServer } = await import('../../viewer/server/index.js');
      // A wrong path is reported before the client is rebuilt (which prints and takes seconds).
      const { checkServePath } = await import('../../viewer/server/sources.js');
      checkServePath(path);
      if (opts.build) {
        const { ensureClientBuilt } = await import('../../viewer/server/client-build.js');
        await ensureClientBuilt((line) => process.stderr.write(`viewer: ${line}\n`));
      }
      const server = await startServer({ root: path, port, host: opts.host, allowOrigins: opts.allowOrigin });
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
