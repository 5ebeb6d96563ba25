/**
 * `imaginator`: start an enhancement and watch it, from a terminal or a script.
 *
 *   imaginator enhance --resume FILE --job FILE [--stages A,B] [--creativity X] [--json] [--format pdf|docx|json|md --out FILE] [--cover-letter]
 *   imaginator status ID | watch ID | cancel ID | export ID --format pdf|docx|json|md --out FILE [--cover-letter]
 *
 * Progress goes to stderr, the result to stdout; the exit code says how it ended (exit-codes.ts).
 */
import { Command, CommanderError, Option } from 'commander';
import { DEFAULT_URL, parseCreativity, parseFormat, parseStages, parseUrl, STAGES } from './args.js';
import { cancel, enhance, exportCommand, status, watch, type CommonOptions, type EnhanceOptions, type Io, type WatchOptions } from './commands.js';
import { CliError, EXIT, EXIT_CODES_HELP, type ExitCode } from './exit-codes.js';

function program(io: Io, setExit: (code: ExitCode) => void): Command {
  const root = new Command('imaginator')
    .description('Tailor a resume to a job ad with an Imaginator server, watching each stage live.')
    .showHelpAfterError('(run imaginator --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  imaginator enhance --resume resume.md --job job.txt > tailored.md
  imaginator enhance --resume resume.md --job job.txt --stages ANALYSIS --json | jq .gapAnalysis
  imaginator enhance --resume resume.md --job job.txt --format pdf --out tailored.pdf
  imaginator export enh_… --format docx --out tailored.docx      imaginator export enh_… --cover-letter --out letter.pdf
  imaginator status enh_…          imaginator watch enh_…          imaginator cancel enh_…

Environment:
  IMAGINATOR_URL      the API's GraphQL URL (default ${DEFAULT_URL})
  IMAGINATOR_API_KEY  the API key, sent as "Authorization: Bearer <key>" and in connectionParams
${EXIT_CODES_HELP}`,
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });

  const PREVIEW_HELP = 'show the text the writing stages write (draft, STAR bullets, the final resume) live on stderr, line by line';
  const common = (command: Command): Command =>
    command
      .addOption(new Option('--url <url>', 'GraphQL URL of the API').env('IMAGINATOR_URL').default(DEFAULT_URL).argParser(parseUrl))
      .addOption(new Option('--key <key>', 'API key (prefer IMAGINATOR_API_KEY: an option shows in the process list)').env('IMAGINATOR_API_KEY'))
      .option('--json', 'print the full result as JSON on stdout')
      .addOption(
        new Option('--progress <mode>', 'progress on stderr: bars, plain lines, or none (auto: bars on a terminal, plain otherwise)')
          .choices(['auto', 'bars', 'plain', 'none'])
          .default('auto'),
      )
      .addHelpText('after', EXIT_CODES_HELP);

  const exporting = (command: Command): Command =>
    command
      .option('--format <format>', 'write the result as pdf, docx, json (JSON Resume) or md (default: from --out\'s extension, else md)', parseFormat)
      .option('--out <file>', 'write the file there instead of printing the markdown on stdout')
      .option('--cover-letter', 'the cover letter instead of the resume (enhance: also runs COVER_LETTER)');

  exporting(
    common(
      root
        .command('enhance')
        .description('start an enhancement, show each stage live, print the final resume (markdown) on stdout')
        .requiredOption('--resume <file>', 'the resume: plain text or markdown, or a PDF, DOCX or JSON Resume the server imports first (- for stdin)')
        .requiredOption('--job <file>', 'the job ad (- for stdin)')
        .option('--stages <list>', `comma-separated stages to run, with what they depend on (default: every one of ${STAGES.join(',')} but COVER_LETTER)`, parseStages)
        .option('--creativity <level>', 'conservative, balanced or bold (default: balanced)', parseCreativity)
        .option('--preview', PREVIEW_HELP),
    ),
  ).action(async (options: EnhanceOptions) => setExit(await enhance(options, io)));

  common(root.command('status').description("print an enhancement's status, stages, cost and time").argument('<id>', 'enhancement id')).action(
    async (id: string, options: CommonOptions) => setExit(await status(id, options, io)),
  );

  exporting(
    common(root.command('watch').description('follow an enhancement live from its first event, then print the result like enhance').argument('<id>', 'enhancement id').option('--preview', PREVIEW_HELP)),
  ).action(async (id: string, options: WatchOptions) => setExit(await watch(id, options, io)));

  exporting(
    common(root.command('export').description("write a finished enhancement's resume (or cover letter) as a file").argument('<id>', 'enhancement id')),
  ).action(async (id: string, options: WatchOptions) => setExit(await exportCommand(id, options, io)));

  common(root.command('cancel').description('cancel a queued or running enhancement').argument('<id>', 'enhancement id')).action(
    async (id: string, options: CommonOptions) => setExit(await cancel(id, options, io)),
  );

  return root;
}

/** Runs the CLI on `argv` (without node and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  let code: ExitCode = EXIT.OK;
  const cli = program(io, (c) => (code = c));
  if (!argv.length) {
    cli.outputHelp();
    return EXIT.USAGE;
  }
  try {
    await cli.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    if (error instanceof CliError) {
      if (error.exitCode !== EXIT.INTERRUPTED) io.stderr.write(`imaginator: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr.write(`imaginator: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.INTERNAL;
  }
}

/** The process around `main`: real streams, Ctrl-C, exit code. */
export async function runProcess(): Promise<void> {
  const controller = new AbortController();
  let interrupted = false;
  process.on('SIGINT', () => {
    if (interrupted) process.exit(EXIT.INTERRUPTED);
    interrupted = true;
    controller.abort();
  });
  const code = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    signal: controller.signal,
  });
  // Sockets and timers may linger a moment after the result; do not wait for them.
  process.stdout.write('', () => process.exit(code));
}
