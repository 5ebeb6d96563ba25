/**
 * Model personas for the fake OpenAI-compatible server: they read the resume lines the pipeline sends
 * (`target: text` inside <resume_lines>) and answer every writing stage the way real models do at their
 * best and at their worst.
 *
 * - `fabricating`: invents an employer, a skill from the job ad, a metric, a team size and a scope
 *   upgrade, tries to drop a role, cites lines that do not exist, and writes a summary full of claims.
 * - `faithful`: rewrites within the facts of each line.
 * - `fabricatingLetterWriter`: a cover letter that mixes the resume with an invented employer, skill and metric.
 */
import type { FakeOpenAI } from './openai-server.js';

export interface ResumeLine {
  target: string;
  text: string;
  fixed: boolean;
}

/** The resume lines a request carries. */
export function linesOf(body: any): ResumeLine[] {
  const user = (body?.messages ?? []).find((m: { role: string }) => m.role === 'user')?.content ?? '';
  const block = /<resume_lines>\n([\s\S]*?)\n<\/resume_lines>/.exec(String(user))?.[1] ?? '';
  return block
    .split('\n')
    .map((l) => /^(\S+?)( \(fixed\))?: (.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ target: m[1]!, text: m[3]!, fixed: !!m[2] }));
}

const find = (lines: ResumeLine[], pattern: RegExp): ResumeLine => {
  const line = lines.find((l) => pattern.test(l.text) && /\.bullets\[/.test(l.target));
  if (!line) throw new Error(`persona: no bullet matches ${pattern}`);
  return line;
};

/** The resume the personas are written for: three roles, an "Assisted" line, numbers in context. */
export const PERSONA_RESUME = `Jane Doe
jane.doe@example.com | Berlin

## Summary
Backend engineer building reliable data services.

## Experience
Senior Software Engineer — Acme Analytics
Jan 2020 – Present
- Led the rebuild of the ingestion pipeline in TypeScript and Node.js
- Cut p99 API latency by 40% by moving hot paths to Redis caching
- Assisted with the PostgreSQL partitioning of 2 TB of event data

Software Engineer | Globex
2016-03 to 2019-12
- Built REST APIs in Python and Django for 120,000 monthly users
- Automated deployments with Docker and GitHub Actions

Junior Developer — Webcraft
2014 – 2016
- Built client websites in PHP

## Education
B.Sc. Computer Science, Technical University of Munich, 2016

## Skills
TypeScript, Node.js, Python, PostgreSQL, Redis, Docker
`;

/** What the fabricating persona invents, each in a line of its own, so a test can find each one. */
export const INVENTED = {
  employer: 'Initech',
  skill: 'Kubernetes',
  metric: '75%',
  teamSize: 'a team of 12 engineers',
  scope: 'Spearheaded',
  summary: 'Staff engineer at Google who doubled revenue',
} as const;

export function fabricating(fake: FakeOpenAI): void {
  fake.respond('research', (body) => ({
    industryIntel: 'Fintech values reliability.',
    tailoringStrategy: 'Claim Kubernetes leadership.',
    keyMetrics: [
      { target: 'experience[7].bullets[3]', metric: '300% growth' },
      { target: find(linesOf(body), /40%/).target, metric: '90% lower latency' },
    ],
    evidencedKeywords: ['Kubernetes', 'TypeScript'],
    sources: ['https://example.com/fintech-trends', 'not a url'],
  }));
  fake.respond('draft', () => ({ summary: `${INVENTED.summary} as a Kubernetes expert.`, narrative: 'A story.', storyArc: ['start', 'now'] }));
  fake.respond('star', (body) => {
    const lines = linesOf(body);
    const metric = find(lines, /40%/);
    const skill = find(lines, /TypeScript/);
    const employer = find(lines, /REST APIs/);
    const team = find(lines, /Docker/);
    const scope = find(lines, /^Assisted/);
    const dropped = lines.filter((l) => /^experience\[2\]\.bullets/.test(l.target));
    return {
      bullets: [
        { target: metric.target, situation: null, task: null, action: 'Cut latency', result: 'latency', text: metric.text.replace('40%', INVENTED.metric) },
        { target: skill.target, situation: null, task: null, action: skill.text, result: null, text: `${skill.text} on ${INVENTED.skill}` },
        { target: employer.target, situation: null, task: null, action: employer.text, result: null, text: `${employer.text} while consulting for ${INVENTED.employer}` },
        { target: team.target, situation: null, task: null, action: team.text, result: null, text: `${team.text}, managing ${INVENTED.teamSize}` },
        { target: scope.target, situation: null, task: null, action: scope.text, result: null, text: scope.text.replace(/^Assisted (?:with )?/, `${INVENTED.scope} `) },
        // "dropping" a role: emptied bullets, and lines that do not exist
        ...dropped.map((l) => ({ target: l.target, situation: null, task: null, action: '', result: null, text: '' })),
        { target: 'experience[2].employer', situation: null, task: null, action: '', result: null, text: 'Google' },
      ],
    };
  });
  fake.respond('polish', (body) => {
    const lines = linesOf(body);
    const first = lines.filter((l) => /^experience\[0\]\.bullets/.test(l.target));
    return {
      // an order that leaves bullets out (it would drop them): discarded
      bulletOrder: [{ role: 'experience[0]', order: first.slice(0, 1).map((l) => l.target) }],
      skillLines: [],
      keywordEdits: [{ target: 'education[0]', keyword: 'PhD', text: 'PhD, MIT' }],
      editorialNotes: ['Tightened the wording.'],
    };
  });
}

export function faithful(fake: FakeOpenAI): void {
  fake.respond('research', (body) => {
    const metric = find(linesOf(body), /40%/);
    return {
      industryIntel: 'Payments teams value reliable, fast services.',
      tailoringStrategy: 'Lead with the latency and ingestion work.',
      keyMetrics: [{ target: metric.target, metric: '40%' }],
      evidencedKeywords: ['TypeScript', 'PostgreSQL'],
      sources: [],
    };
  });
  fake.respond('draft', () => ({
    summary: 'Senior software engineer at Acme Analytics, previously at Globex, who cut p99 API latency by 40% with Redis caching.',
    narrative: 'A backend engineer who makes data services fast and reliable.',
    storyArc: ['Globex: REST APIs', 'Acme Analytics: latency and ingestion'],
  }));
  fake.respond('star', (body) => {
    const lines = linesOf(body);
    const metric = find(lines, /40%/);
    const scope = find(lines, /^Assisted/);
    return {
      bullets: [
        { target: metric.target, situation: null, task: null, action: 'Moved hot paths to Redis caching', result: 'p99 API latency down 40%', text: 'Reduced p99 API latency by 40% by moving hot paths to Redis caching' },
        { target: scope.target, situation: null, task: null, action: scope.text, result: null, text: scope.text.replace(/^Assisted/, 'Helped') },
      ],
    };
  });
  fake.respond('polish', (body) => {
    const lines = linesOf(body);
    const first = lines.filter((l) => /^experience\[0\]\.bullets/.test(l.target));
    return {
      bulletOrder: [{ role: 'experience[0]', order: [...first].reverse().map((l) => l.target) }],
      skillLines: [],
      keywordEdits: [],
      editorialNotes: ['Put the most job-relevant bullets first.'],
    };
  });
}

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
