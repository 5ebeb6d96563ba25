import type { ExtractedSkill } from '../../domain/input.js';
import { documentLines, type ResumeDocument } from '../../domain/document.js';
import { ResearchAnswer, type Analysis, type Dossier } from '../../domain/outputs.js';
import { auditContext, evidences, metricSupported } from '../../audit/index.js';
import { buildResumeDocument } from '../../documents/resume-document.js';
import { renderMarkdown } from '../../documents/resume-markdown.js';
import { researchPrompt, VERSION } from '../prompts/research.js';
import { singleCall, type StageContext, type StageResult } from './stage.js';

export interface ResearchSees {
  resumeText: string;
  jobAd: string;
  analysis: Analysis;
  extractedSkills: ExtractedSkill[];
  confidenceThreshold: number;
  domainInsights: Record<string, unknown> | null;
  asOf: string;
}

/**
 * The master dossier. The resume is parsed here, once, into the document (in code: no model
 * retypes it); the model adds intel, strategy, key metrics citing their lines and the job-ad
 * keywords the resume evidences. It is the last stage that reads the raw resume.
 */
export async function runResearch(sees: ResearchSees, ctx: StageContext): Promise<StageResult<Dossier>> {
  const document = buildResumeDocument(sees.resumeText, {
    extractedSkills: sees.extractedSkills,
    confidenceThreshold: sees.confidenceThreshold,
    domainInsights: sees.domainInsights,
  });
  const data = { document, jobAd: sees.jobAd, analysis: sees.analysis, asOf: sees.asOf };
  const { output, calls } = await singleCall(ctx, {
    stage: 'RESEARCH',
    name: 'research',
    schema: ResearchAnswer,
    data,
    prompt: () => researchPrompt(data),
    promptVersion: VERSION,
    temperature: 0.2,
  });
  const { dossier, notes } = researchOutput(document, output);
  return { output: dossier, calls, notes };
}

/** The dossier from the document and the model's answer: only metrics their cited line states, only keywords a line evidences. */
export function researchOutput(document: ResumeDocument, answer: ResearchAnswer): { dossier: Dossier; notes: string[] } {
  const lines = new Map(documentLines(document).map((l) => [l.target, l.text]));
  const audit = auditContext(document);
  const keyMetrics: string[] = [];
  let missing = 0;
  let unsupported = 0;
  for (const m of answer.keyMetrics) {
    const line = lines.get(m.target.trim());
    if (line === undefined) missing++;
    else if (!metricSupported(m.metric, line)) unsupported++;
    else keyMetrics.push(`${m.metric.trim()} — ${line} (${m.target.trim()})`);
  }
  const evidencedKeywords = [...new Set(answer.evidencedKeywords.map((k) => k.trim()).filter(Boolean))];
  const kept = evidencedKeywords.filter((k) => evidences(k, audit));
  const notes = [...document.notes];
  if (missing) notes.push(`RESEARCH: ${missing} key metric${missing === 1 ? '' : 's'} citing a line that does not exist discarded.`);
  if (unsupported) notes.push(`RESEARCH: ${unsupported} key metric${unsupported === 1 ? '' : 's'} its cited line does not state discarded.`);
  if (kept.length < evidencedKeywords.length) {
    notes.push(`RESEARCH: keywords no resume line evidences left out: ${evidencedKeywords.filter((k) => !kept.includes(k)).join(', ')}.`);
  }
  return {
    dossier: {
      masterProfile: renderMarkdown(document),
      industryIntel: answer.industryIntel,
      tailoringStrategy: answer.tailoringStrategy,
      keyMetrics,
      evidencedKeywords: kept,
      sources: [...new Set(answer.sources.filter((s) => /^https?:\/\//i.test(s.trim())).map((s) => s.trim()))],
      document,
    },
    notes,
  };
}
