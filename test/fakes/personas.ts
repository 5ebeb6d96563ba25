/**
 * Model personas: a fake server's way of answering that a real model might take at its worst.
 */
import type { FakeOpenAI } from './openai-server.js';

/** What the fabricating letter writer invents, so a test can look for each of them. */
export const LETTER_INVENTIONS = {
  employer: 'Hooli',
  skill: 'GraphQL',
  metric: '65%',
} as const;

/**
 * Writes a fluent cover letter that mixes what the resume (RESUME_A) says with three inventions:
 * an employer it never had, a skill it never used, a metric it never reached. One honest gap
 * sentence too, which must survive.
 */
export function fabricatingLetterWriter(fake: FakeOpenAI): void {
  fake.respond('cover_letter', () => ({
    salutation: 'Dear Initech hiring team,',
    paragraphs: [
      'I am writing to apply for the Staff Backend Engineer role at Initech. I currently work as Senior Software Engineer at Acme Analytics.',
      `At Acme Analytics, I cut p99 API latency by 40% by moving hot paths to Redis caching. Before that, at ${LETTER_INVENTIONS.employer}, I ran the payments platform for three years.`,
      `I have built ${LETTER_INVENTIONS.skill} APIs for our partner integrations. I also cut cloud spend by ${LETTER_INVENTIONS.metric} in one quarter.`,
      'I have not yet worked with Kubernetes professionally, and I am keen to learn it quickly.',
    ],
    closing: 'Sincerely,\nJane Doe',
  }));
}
