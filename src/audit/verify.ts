/**
 * The truthfulness check: what a tailored resume claims that its original does not support.
 * Employers, titles, dates, numbers, degrees, certifications and the name in the tailored text are checked against
 * the original; sections (and roles) of the original that the tailored text dropped are reported. Rewording,
 * reordering and job keywords are not findings.
 */
import type { TailoringVerdict, TruthFinding } from '../domain/changes.js';
import { dateKeys, findDateRanges, findDates } from '../local/dates.js';
import { numbersIn } from '../local/numbers.js';
import { parseJobAd } from '../local/jobad.js';
import { parseResume } from '../local/resume.js';
import { findCertifications, findSkills } from '../local/skills.js';
import { DEGREES } from '../local/taxonomy.js';
import { contentTokens, isBullet, memo, normKey, sentences, stripBullet, stripMarkdown } from '../local/text.js';
import type { ParsedExperience } from '../local/experience.js';
import { numberText, normNumber } from './numbers.js';
import { inventedSkills, scopeFindings, supportedSkills } from './rules.js';

const ABBREV: Record<string, string> = {
  sr: 'senior', snr: 'senior', jr: 'junior', mgr: 'manager', eng: 'engineer', engr: 'engineer', dev: 'developer',
  swe: 'software engineer', sde: 'software development engineer', pm: 'product manager', vp: 'vice president',
  asst: 'assistant', assoc: 'associate', dir: 'director', mktg: 'marketing', ops: 'operations', admin: 'administrator',
  exec: 'executive', rep: 'representative', acct: 'account', intl: 'international', mgmt: 'management', tech: 'technical',
};
const FILLER = new Set(['the', 'of', 'and', 'at', 'a', 'an', 'in', 'for', 'inc', 'llc', 'ltd', 'gmbh', 'corp', 'co', 'corporation', 'company', 'plc', 'sa', 'ag', 'group']);

/** `normKey(s)`'s words, abbreviations expanded, filler words dropped (one pass, no intermediate arrays). */
const keyTokens = memo((s: string): string[] => {
  const out: string[] = [];
  for (const word of normKey(s).split(' ')) {
    // Own keys only: a resume may well say "constructor" or "toString".
    const expanded = Object.hasOwn(ABBREV, word) ? ABBREV[word]! : word;
    if (expanded.includes(' ')) {
      for (const t of expanded.split(' ')) if (t && !FILLER.has(t)) out.push(t);
    } else if (expanded && !FILLER.has(expanded)) out.push(expanded);
  }
  return out;
});

function tokenSet(s: string): Set<string> {
  return new Set(keyTokens(s));
}

/** All of `claim`'s tokens appear in the reference token set. */
function supported(claim: string, ref: Set<string>): boolean {
  const t = keyTokens(claim);
  return t.length === 0 || t.every((x) => ref.has(x) || ref.has(x.replace(/s$/, '')) || ref.has(x + 's'));
}

function companyMatch(a: string, b: string): boolean {
  const ta = keyTokens(a);
  const tb = new Set(keyTokens(b));
  if (ta.length === 0 || tb.size === 0) return false;
  return ta.every((t) => tb.has(t)) || [...tb].every((t) => ta.includes(t));
}

/** The lines of a text that make claims (bullets and sentences), without markdown. */
const claimLines = memo((text: string): string[] =>
  text
    .split('\n')
    .map((l) => stripMarkdown(isBullet(l) ? stripBullet(l) : l).trim())
    .flatMap((l) => sentences(l))
    .filter((l) => contentTokens(l).length >= 3),
);

/** The original line a tailored line most likely rewrites (half its content words or more), or null. */
function bestLine(claim: string, sources: string[]): string | null {
  const toks = new Set(contentTokens(claim));
  let best: string | null = null;
  let bestScore = 0;
  for (const s of sources) {
    let hit = 0;
    for (const t of new Set(contentTokens(s))) if (toks.has(t)) hit++;
    const score = hit / Math.max(1, Math.min(toks.size, contentTokens(s).length));
    if (score > bestScore) [best, bestScore] = [s, score];
  }
  return bestScore >= 0.5 ? best : null;
}

function headerLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => stripMarkdown(l))
    .filter((l) => l.trim())
    .slice(0, 5);
}

function entryLabel(e: ParsedExperience): string {
  return [e.title, e.company].filter(Boolean).join(' — ');
}

/** Throws on an internal failure rather than report a resume it could not check as faithful. */
export function verifyTailoring(original: string, tailored: string, jobAd?: string | null): TailoringVerdict {
  return verify(original ?? '', tailored ?? '', jobAd ?? '');
}

function verify(original: string, tailored: string, jobAd: string): TailoringVerdict {
  const O = parseResume(original);
  const T = parseResume(tailored);
  const findings: TruthFinding[] = [];
  const seen = new Set<string>();
  const add = (kind: TruthFinding['kind'], excerpt: string, detail: string): void => {
    const k = `${kind}:${excerpt.toLowerCase()}`;
    if (seen.has(k)) return;
    seen.add(k);
    findings.push({ kind, excerpt: excerpt.slice(0, 200), detail });
  };
  const origTokens = tokenSet(original);
  const origKey = ` ${normKey(original)} `;

  // name: the tailored header (its name line, or the first lines that are not contact details) must carry it
  if (O.name) {
    // the person's name without credentials or honorifics ("Dr. Elena Petrova", "Aisha Siddiqui, CPA")
    const nameKey = normKey(O.name.split(/,|\s[|·—–]\s/)[0].replace(/^(?:dr|mr|mrs|ms|mx|prof)\.?\s+/i, ''));
    const candidates = [T.name ?? '', ...headerLines(tailored).filter((l) => !/@|https?:|www\.|linkedin|github|\d{3}/i.test(l)).slice(0, 2)]
      .filter(Boolean)
      .map((l) => ` ${normKey(l)} `);
    const nameToks = nameKey.split(' ').filter(Boolean);
    const present = nameToks.length === 0 || candidates.some((h) => nameToks.every((t) => h.includes(` ${t} `)));
    if (!present && tailored.trim()) {
      const tn = T.name ?? headerLines(tailored)[0] ?? '';
      add('CHANGED_NAME', tn, `The original resume is for "${O.name}"; the tailored version's header reads "${tn}".`);
    }
  }

  // employers, titles, dates per role
  for (const te of T.experiences) {
    const oe = te.company ? O.experiences.find((o) => o.company && companyMatch(te.company, o.company)) : undefined;
    if (te.company && !oe && !supported(te.company, origTokens)) {
      add('INVENTED_EMPLOYER', te.company, `"${te.company}" (${entryLabel(te)}) is not an employer in the original resume.`);
    }
    if (te.title) {
      const titleRef = oe
        ? tokenSet(O.experiences.filter((o) => o.company && companyMatch(te.company, o.company)).map((o) => `${o.title} ${o.header.join(' ')}`).join(' '))
        : tokenSet(O.experiences.map((o) => `${o.title} ${o.header.join(' ')}`).join(' ') || original);
      if (!supported(te.title, titleRef)) {
        add('INVENTED_TITLE', te.title, `The title "${te.title}"${te.company ? ` at ${te.company}` : ''} does not match the original resume${oe ? ` ("${oe.title}")` : ''}.`);
      }
    }
    if (oe) {
      const same = (a: typeof te.start, b: typeof te.start): boolean => (a?.value ?? null) === (b?.value ?? null) || (!!a && !!b && !a.present && !b.present && a.year === b.year && (!a.month || !b.month));
      const candidates = O.experiences.filter((o) => o.company && companyMatch(te.company, o.company));
      const ok = candidates.some((o) => (!te.start || same(te.start, o.start)) && (!te.end || same(te.end, o.end) || (te.end.present && o.end?.present === true)));
      if (!ok && (te.start || te.end)) {
        add('CHANGED_DATE', te.dateText || entryLabel(te), `Dates of ${entryLabel(te)} read "${te.dateText}" but the original says "${oe.dateText}".`);
      }
    }
  }
  // any other date the original does not have
  const oDates = dateKeys(original);
  for (const line of tailored.split('\n')) {
    const ds = [...findDateRanges(line).flatMap((r) => [r.start, r.end]), ...findDates(line)];
    for (const d of ds) {
      if (!d || d.present) continue;
      if (!oDates.has(d.value) && !oDates.has(String(d.year))) add('CHANGED_DATE', stripMarkdown(line).trim(), `The date ${d.value} does not appear in the original resume.`);
      else if (d.month && !oDates.has(d.value) && [...oDates].some((k) => k.startsWith(`${d.year}-`))) add('CHANGED_DATE', stripMarkdown(line).trim(), `The date ${d.value} differs from the original's months in ${d.year}.`);
    }
  }

  // numbers
  const oNums = numbersIn(numberText(original)).map(normNumber);
  const oKeys = new Set(oNums.map((n) => n.key));
  const oVals = new Set(oNums.map((n) => n.value));
  const tText = numberText(tailored);
  for (const line of tText.split('\n')) {
    for (const n of numbersIn(line)) {
      const nn = normNumber(n);
      if (oKeys.has(nn.key) || oVals.has(nn.value)) continue;
      const smaller = oNums.filter((o) => o.value < nn.value).map((o) => o.key);
      const excerpt = tailored.split('\n')[tText.split('\n').indexOf(line)] ?? line;
      add('INFLATED_NUMBER', stripMarkdown(excerpt).trim(), `The number ${n} is not in the original resume${smaller.length ? ` (nearest original figures: ${smaller.slice(-3).join(', ')})` : ''}.`);
    }
  }

  // degrees
  const oText = original;
  for (const d of DEGREES) {
    const m = d.pattern.exec(tailored);
    if (m && !d.pattern.test(oText)) {
      const line = tailored.split('\n').find((l) => d.pattern.test(l)) ?? m[0];
      add('INVENTED_DEGREE', stripMarkdown(line).trim(), `The tailored resume claims a ${d.label} (“${m[0]}”) that the original does not mention.`);
    }
  }

  // certifications
  const oCerts = new Set(findCertifications(original));
  for (const c of findCertifications(tailored)) {
    if (!oCerts.has(c)) add('INVENTED_CERTIFICATION', c, `The certification "${c}" is not in the original resume.`);
  }
  for (const s of T.sections) {
    if (s.kind !== 'certifications') continue;
    for (const l of s.lines) {
      const t = stripMarkdown(l.replace(/^\s*[-*•]\s+/, '')).trim();
      if (!t || findCertifications(t).length > 0) continue; // known certifications are checked by name above
      if (!supported(t.replace(/\d+/g, ''), origTokens)) add('INVENTED_CERTIFICATION', t, `The certification line "${t}" is not supported by the original resume.`);
    }
  }

  // dropped sections and roles
  const tKinds = new Set(T.sections.map((s) => s.kind));
  const tHeadings = T.sections.map((s) => normKey(s.heading));
  for (const s of O.sections) {
    if (!s.heading) continue;
    if (s.lines.every((l) => !l.trim())) continue;
    const hk = normKey(s.heading);
    const kept = (s.kind !== 'other' && tKinds.has(s.kind)) || tHeadings.some((h) => h === hk || (h && (h.includes(hk) || hk.includes(h))));
    if (!kept) add('DROPPED_SECTION', s.heading, `The section "${s.heading}" of the original resume is missing from the tailored version.`);
  }
  const tKey = ` ${normKey(tailored)} `;
  for (const oe of O.experiences) {
    if (!oe.company) continue;
    const ck = normKey(oe.company);
    if (ck && !tKey.includes(` ${ck} `) && !T.experiences.some((te) => te.company && companyMatch(te.company, oe.company))) {
      add('DROPPED_ROLE', entryLabel(oe), `The role ${entryLabel(oe)} of the original resume is missing from the tailored version.`);
    }
  }
  void origKey;

  // skills nothing in the original supports, and more ownership or reach than the line a claim rests on
  const known = supportedSkills(original, []);
  for (const skill of inventedSkills(tailored, known)) {
    add('INVENTED_SKILL', skill, `"${skill}" is not a skill, tool or technology the original resume names or evidences.`);
  }
  const sources = claimLines(original);
  for (const claim of claimLines(tailored)) {
    const source = bestLine(claim, sources);
    for (const f of scopeFindings(claim, source ? [source] : [], original)) add(f.kind, f.excerpt, f.detail);
  }

  // job keywords
  const covered: string[] = [];
  const missing: string[] = [];
  if (jobAd && jobAd.trim()) {
    const jp = parseJobAd(jobAd);
    const tSkills = new Set(findSkills(tailored));
    const tCerts = new Set(findCertifications(tailored));
    const tDegree = T.degrees.reduce((m, d) => Math.max(m, d.level), 0) || DEGREES.filter((d) => d.pattern.test(tailored)).reduce((m, d) => Math.max(m, d.level), 0);
    for (const r of jp.requirements) {
      if (r.kind === 'years') continue;
      const ok = r.kind === 'skill' ? tSkills.has(r.keyword) : r.kind === 'certification' ? tCerts.has(r.keyword) : tDegree >= (r.level ?? 2);
      (ok ? covered : missing).push(r.keyword);
    }
  }
  return { faithful: findings.length === 0, findings, coveredKeywords: covered, missingKeywords: missing };
}

