/** The CLI's exit codes; `imaginator --help` lists them. */
export const EXIT = {
  OK: 0,
  INTERNAL: 1,
  USAGE: 2,
  FAILED: 3,
  CANCELLED: 4,
  NOT_FOUND: 5,
  UNREACHABLE: 6,
  REFUSED: 7,
  INTERRUPTED: 130,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_CODES_HELP = `
Exit codes:
  0    the enhancement completed (status: it exists and has not failed or been cancelled)
  1    unexpected error in the CLI
  2    usage: a bad option or argument, an unreadable or empty file, input the API rejected
  3    the enhancement FAILED
  4    the enhancement was CANCELLED
  5    no enhancement with that id (for this API key)
  6    the API cannot be reached, or the connection was lost for good
  7    the API refused: a missing or wrong key, a rate limit, a budget, or a server error
  130  interrupted (Ctrl-C): the enhancement keeps running on the server
`;

/** An error the CLI reports in one line and exits with. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
  }
}

/** Maps a GraphQL `extensions.code` to an exit code. */
export function exitCodeFor(code: string | undefined): ExitCode {
  switch (code) {
    case 'BAD_USER_INPUT':
    case 'UNREADABLE_DOCUMENT':
      return EXIT.USAGE;
    case 'NOT_FOUND':
      return EXIT.NOT_FOUND;
    default:
      return EXIT.REFUSED;
  }
}
