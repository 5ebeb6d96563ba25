/** Gap analysis and matchScore (task `analysis_gap`), and the domain insights that go with it. */
import type { DomainInsights, GapAnalysis, JobFit, ResumeProfile } from './types.js';
import { jobDomainVotes, parseJobAd, type JobProfile, type Requirement } from './jobad.js';
import { parseResume, type ParsedResume } from './resume.js';
import { resumeSkillEvidence } from './analysis.js';
import { canonicalSkill, findCertifications, impliedSkills, relatedSkills, skillAliases, titleSkills } from './skills.js';
import { englishList, escapeRegex, uniqueCI } from './text.js';

/** Weights: a required item counts twice a preferred one; a skill only named among the duties counts half. */
export const REQUIRED_WEIGHT = 2;
export const PREFERRED_WEIGHT = 1;
/** What a requirement met only by a related skill (MySQL for PostgreSQL) is worth: partly met, never met. */
export const RELATED_CREDIT = 0.5;
export const DUTIES_WEIGHT = 0.5;

export function requirementWeight(unit: Requirement[]): number {
  if (unit.some((q) => q.required)) return REQUIRED_WEIGHT;
  return unit.every((q) => q.zone === 'duties') ? DUTIES_WEIGHT : PREFERRED_WEIGHT;
}

export interface Evidence {
  /** Skills the resume names (canonical). */
  named: Set<string>;
  /** Skills implied by named ones (React → JavaScript). */
  implied: Map<string, string>;
  certifications: Set<string>;
  /** Certification names and certification-section lines, lower case (for "AWS certification"-style demands). */
  certText: string;
  degreeLevel: number;
  years: number;
}

export function resumeEvidence(r: ParsedResume, profile?: ResumeProfile | null): Evidence {
  const named = new Set<string>(resumeSkillEvidence(r).keys());
  // skills the profile vouches for with resume or input evidence count as named too
  if (profile?.skills) {
    for (const e of [...(profile.skills.high ?? []), ...(profile.skills.medium ?? [])]) {
      if (e && e.source !== 'inferred' && typeof e.name === 'string') named.add(canonicalSkill(e.name).name);
    }
  }
  const implied = new Map<string, string>();
  for (const e of r.experiences) for (const t of titleSkills(e.title)) if (!named.has(t) && !implied.has(t)) implied.set(t, `the title "${e.title}"`);
  for (const n of named) for (const i of impliedSkills(n)) if (!named.has(i) && !implied.has(i)) implied.set(i, n);
  // second hop (Next.js → React → JavaScript)
  for (const [i, via] of [...implied]) for (const j of impliedSkills(i)) if (!named.has(j) && !implied.has(j)) implied.set(j, via);
  const certifications = new Set(findCertifications(r.lines.join('\n')));
  const certText = [...certifications, ...r.certifications].join('\n').toLowerCase();
  const degreeLevel = r.degrees.reduce((m, d) => Math.max(m, d.level), 0);
  return { named, implied, certifications, certText, degreeLevel, years: profile?.seniority?.yearsOfExperience ?? 0 };
}

/** How far a requirement is met: 1 met, 0 missing, in between for partly met years. */
export function requirementMet(req: Requirement, ev: Evidence): number {
  switch (req.kind) {
    case 'skill':
      if (ev.named.has(req.keyword) || ev.implied.has(req.keyword)) return 1;
      // a sibling the resume names (MySQL for PostgreSQL) meets it in part
      return relatedSkills(req.keyword).some((r) => ev.named.has(r)) ? RELATED_CREDIT : 0;
    case 'certification':
      if (ev.certifications.has(req.keyword)) return 1;
      if (req.skill) return skillAliases(req.skill).some((a) => a.length > 1 && new RegExp(`(?<![\\p{L}])${escapeRegex(a.toLowerCase())}(?![\\p{L}])`, 'u').test(ev.certText)) ? 1 : 0;
      return 0;
    case 'degree':
      return ev.degreeLevel >= (req.level ?? 2) ? 1 : 0;
    case 'years': {
      const need = req.level ?? 0;
      if (need <= 0 || ev.years + 0.5 >= need) return 1;
      return Math.max(0, Math.min(1, ev.years / need));
    }
  }
}

const DOMAIN_LABEL: Record<string, string> = {
  software: 'Software Engineering',
  data: 'Data & Analytics',
  cloud: 'Cloud & DevOps',
  security: 'Cybersecurity',
  design: 'Product Design & UX',
  product: 'Product Management',
  sales: 'Sales',
  marketing: 'Marketing',
  finance: 'Finance & Accounting',
  healthcare: 'Healthcare',
  business: 'Business Operations',
  operations: 'Operations & Logistics',
  trades: 'Skilled Trades',
  hospitality: 'Hospitality',
  people: 'Human Resources',
  education: 'Education',
  legal: 'Legal',
};

const TITLE_DOMAIN: [RegExp, string][] = [
  [/\b(?:teacher|teaching|tutor|lecturer|educator|early childhood|school)\b/i, 'education'],
  [/\b(?:electrician|plumber|welder|mechanic|technician|carpenter|hvac|fitter|tradesperson)\b/i, 'trades'],
  [/\b(?:chef|cook|kitchen|restaurant|hotel|barista|bartender|hospitality)\b/i, 'hospitality'],
  [/\b(?:hr|human resources|recruit\w*|talent|people partner|social worker)\b/i, 'people'],
  [/\b(?:solicitor|lawyer|attorney|paralegal|counsel|legal)\b/i, 'legal'],
  [/\b(?:warehouse|logistics|driver|supply chain|operations|store manager|retail)\b/i, 'operations'],
  [/\b(?:nurse|rn|clinical|clinic|patient|physician|medical|health|hospital|pharmac|therap)/i, 'healthcare'],
  [/\b(?:account executive|sales|business development|bdr|sdr|account manager)\b/i, 'sales'],
  [/\b(?:accountant|financ|fp&a|controller|auditor|analyst,? finance|treasury|tax)/i, 'finance'],
  [/\b(?:designer|ux|ui|design)\b/i, 'design'],
  [/\b(?:product manager|product owner|head of product|product lead)\b/i, 'product'],
  [/\b(?:data (?:scientist|engineer|analyst)|machine learning|ml engineer|analytics)\b/i, 'data'],
  [/\b(?:devops|sre|site reliability|cloud|platform engineer|infrastructure)\b/i, 'cloud'],
  [/\b(?:security|secops|appsec)\b/i, 'security'],
  [/\b(?:marketing|seo|growth|content)\b/i, 'marketing'],
  [/\b(?:engineer|developer|programmer|architect)\b/i, 'software'],
];

/** Trends the engine knows per domain; only those the job ad or the input names are reported first. */
const TRENDS: Record<string, string[]> = {
  software: ['Large language models', 'TypeScript', 'Platform engineering', 'WebAssembly', 'OpenTelemetry'],
  data: ['Large language models', 'Retrieval-augmented generation', 'dbt', 'Data quality', 'MLOps'],
  cloud: ['Kubernetes', 'Infrastructure as code', 'Cost optimization', 'OpenTelemetry', 'Zero trust'],
  security: ['Zero trust', 'Identity and access management', 'SOC 2', 'Threat modeling'],
  design: ['Design systems', 'Accessibility', 'Prototyping', 'Generative AI'],
  product: ['Product-led growth', 'Product analytics', 'A/B testing', 'Generative AI'],
  sales: ['Product-led growth', 'MEDDIC', 'Gong', 'Account-based marketing'],
  marketing: ['Marketing automation', 'Account-based marketing', 'Generative AI', 'Conversion rate optimization'],
  finance: ['FP&A', 'Anaplan', 'Revenue recognition', 'Power BI', 'Python'],
  healthcare: ['Telehealth', 'Electronic health records', 'HL7', 'Quality improvement'],
  business: ['Process improvement', 'Power BI', 'Generative AI'],
  operations: ['Warehouse management systems', 'Lean', 'Process improvement', 'Power BI'],
  trades: ['Solar PV', 'Preventive maintenance', 'Health and safety'],
  hospitality: ['Food safety', 'Point of sale', 'Menu costing'],
  people: ['HRIS', 'Employee engagement', 'Workforce planning'],
  education: ['Google Classroom', 'Differentiated instruction', 'Generative AI'],
  legal: ['Legal research', 'Generative AI'],
};

export function detectDomain(jp: JobProfile): string {
  const votes = jobDomainVotes(jp);
  for (const [re, d] of TITLE_DOMAIN) {
    if (re.test(jp.title)) {
      votes.set(d, (votes.get(d) ?? 0) + 4);
      break;
    }
  }
  // design/product/healthcare ads also name software tools; the title decides ties
  let best = '';
  let bestV = 0;
  for (const [d, v] of [...votes].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (v > bestV) [best, bestV] = [d, v];
  return best || 'business';
}

function strList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()) : [];
}

/** Requirements as scoring units: each on its own, alternatives ("Snowflake or BigQuery") together. */
export function requirementUnits(reqs: Requirement[]): Requirement[][] {
  const units: Requirement[][] = [];
  const byGroup = new Map<string, Requirement[]>();
  for (const r of reqs) {
    if (!r.group) units.push([r]);
    else {
      let u = byGroup.get(r.group);
      if (!u) {
        u = [];
        byGroup.set(r.group, u);
        units.push(u);
      }
      u.push(r);
    }
  }
  return units;
}

export function requirementLabel(r: Requirement): string {
  return r.keyword;
}

export function runAnalysisGap(input: { resumeText: string; jobAd: string; profile: ResumeProfile; domainInsights: Record<string, unknown> | null }): JobFit {
  const r = parseResume(input.resumeText ?? '');
  const jp = parseJobAd(input.jobAd ?? '');
  const ev = resumeEvidence(r, input.profile);
  let got = 0;
  let total = 0;
  const matched: string[] = [];
  const missing: string[] = [];
  const critical: string[] = [];
  const nice: string[] = [];
  const partial: string[] = [];
  // a group of alternatives counts once: met when any member is met; its unmet members are then not gaps
  const units = requirementUnits(jp.requirements);
  for (const unit of units) {
    const required = unit.some((q) => q.required);
    const w = requirementWeight(unit);
    const scores = unit.map((q) => requirementMet(q, ev));
    const m = Math.max(...scores);
    total += w;
    got += w * m;
    unit.forEach((req, i) => {
      const label = requirementLabel(req);
      if (scores[i] >= 1) matched.push(label);
      else if (m < 1) {
        missing.push(label);
        (required ? critical : nice).push(label);
        if (scores[i] > 0) partial.push(label);
      }
    });
  }
  const matchScore = total === 0 ? 0 : Math.max(0, Math.min(100, Math.round((100 * got) / total)));
  const domainKey = detectDomain(jp);
  const given = input.domainInsights && typeof input.domainInsights === 'object' ? input.domainInsights : null;
  const givenDomain = given && typeof given.domain === 'string' && given.domain.trim() ? given.domain.trim() : null;
  const domain = givenDomain ?? DOMAIN_LABEL[domainKey] ?? 'General';
  const skillGapPriority = uniqueCI([...strList(given?.skillGapPriority), ...critical, ...nice].filter((k) => !/years of experience/.test(k)));
  const adSkills = new Set(jp.allSkills);
  const trendPool = TRENDS[domainKey] ?? [];
  const emergingTrends = uniqueCI([
    ...strList(given?.emergingTrends),
    ...trendPool.filter((t) => adSkills.has(t)),
    ...trendPool.filter((t) => !adSkills.has(t)),
  ]).slice(0, 8);
  const domainInsights: DomainInsights = { domain, skillGapPriority, emergingTrends };
  const requiredCount = jp.requirements.filter((q) => q.required).length;
  const summary =
    jp.requirements.length === 0
      ? 'No recognisable requirements were found in the job ad, so the match score is 0 and no gaps are listed.'
      : `The resume evidences ${matched.length} of ${jp.requirements.length} requirements (${requiredCount} required), a match score of ${matchScore}/100.` +
        (critical.length ? ` Missing required: ${englishList(critical.slice(0, 6))}${critical.length > 6 ? ` and ${critical.length - 6} more` : ''}.` : ' Every required item is evidenced.') +
        (nice.length ? ` Missing nice-to-have: ${englishList(nice.slice(0, 5))}${nice.length > 5 ? ` and ${nice.length - 5} more` : ''}.` : '') +
        (partial.length ? ` Partly met: ${englishList(partial)}.` : '') +
        (jp.seniority && input.profile?.seniority?.level ? ` The ad asks for ${jp.seniority.toLowerCase()} level; the resume reads as ${input.profile.seniority.level.toLowerCase()}.` : '');
  const gapAnalysis: GapAnalysis = {
    summary,
    matchScore,
    matchedKeywords: matched,
    missingKeywords: missing,
    criticalGaps: critical,
    niceToHaveGaps: nice,
  };
  return { domainInsights, gapAnalysis };
}
