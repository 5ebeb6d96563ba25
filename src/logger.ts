import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs. Secrets never get here: keys are redacted wherever they might appear. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'imaginator' },
      redact: {
        paths: ['*.authorization', '*.apiKey', '*.headers.authorization', '*.headers["x-api-key"]', '*.resumeText', '*.jobAd'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
