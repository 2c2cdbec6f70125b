// Replays on disk for the commands: the checks live in tournament/replay-file.ts, below the CLI.
export { EXIT_BAD_REPLAY, printable, readReplayFile, sha256 } from '../tournament/replay-file.js';
