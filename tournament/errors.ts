// Errors meant for the person at the terminal (a missing file, a port in use): the CLI prints them without a stack trace.
// They live here, below both the CLI and the viewer server, so neither has to import the other.
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
