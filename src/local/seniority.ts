/** Seniority from non-overlapping years, titles and scope words. */
import type { Seniority, SeniorityLevel } from './types.js';
import { asOfIndex, toInterval, unionMonths } from './dates.js';
import type { ParsedExperience } from './experience.js';
import { round2 } from './text.js';

export const LEVELS: SeniorityLevel[] = ['JUNIOR', 'MID', 'SENIOR', 'LEAD', 'PRINCIPAL'];

/** The level a title signals, or null when it signals none ("Software Engineer", "Product Manager"). */
export function titleLevel(title: string): number | null {
  const t = title.toLowerCase();
  if (/\b(?:intern|internship|trainee|apprentice|graduate|entry[- ]level|junior|jr\.?)(?![\w])/.test(t)) return 0;
  if (/\b(?:principal|distinguished|fellow|chief|cto|ceo|cfo|coo|cmo|cio|ciso|vp|svp|evp|vice president|president|partner)\b/.test(t)) return 4;
  if (/\b(?:director|head)\b/.test(t)) return 3;
  if (/\bstaff\s+(?:software|data|ml|machine|platform|product|site|security|backend|front|full|mobile|infrastructure|research|applied|design|ux|engineer|developer|scientist|designer|architect|sre)/.test(t)) return 3;
  if (/\b(?:lead|leader|team lead|tech lead)\b/.test(t)) return 3;
  if (/\b(?:engineering|development|team|nurse|department|general|operations|regional|district|store|delivery|people|practice|branch|unit|ward)\s+manager\b/.test(t)) return 3;
  if (/\bmanager,\s*(?:engineering|operations|sales)\b/.test(t)) return 3;
  if (/\b(?:senior|sr\.?|snr)(?![\w])/.test(t)) return 2;
  if (/\barchitect\b/.test(t)) return 2;
  if (/\bassociate\b/.test(t) && !/\b(?:director|partner|professor)\b/.test(t)) return 0;
  if (/\bassistant\b/.test(t) && !/\b(?:professor|director|manager)\b/.test(t)) return 0;
  return null;
}

export function yearsLevel(years: number): number {
  if (years < 2) return 0;
  if (years < 5) return 1;
  if (years < 8) return 2;
  if (years < 12) return 3;
  return 4;
}

/** Team size the candidate led or managed, if the resume says so ("managed 8 engineers", "team of 12"). */
export function scopeSize(texts: string[]): { size: number; excerpt: string } | null {
  let best: { size: number; excerpt: string } | null = null;
  const people =
    '(?:engineers?|developers?|people|designers?|reports|direct reports|analysts?|nurses?|staff|members?|team members|reps|representatives|account executives|scientists?|managers?|consultants?|associates?|employees|agents|accountants|researchers|specialists|FTEs?|headcount)';
  const res = [
    new RegExp(`\\b(?:led|lead|leading|managed|managing|manage|supervised|supervising|directed|oversaw|overseeing|headed|built and led|hired and led|grew)\\b[^.;]{0,40}?\\b(\\d{1,4})\\+?\\s+(?:[a-z-]+\\s+){0,2}${people}\\b`, 'i'),
    new RegExp(`\\bteam\\s+of\\s+(\\d{1,4})\\+?\\b`, 'i'),
    new RegExp(`\\b(\\d{1,4})\\+?[- ](?:person|people|member)\\s+team\\b`, 'i'),
  ];
  for (const t of texts) {
    for (const re of res) {
      const m = re.exec(t);
      if (m) {
        const n = Number(m[1]);
        if (n > 0 && n < 5000 && (!best || n > best.size)) best = { size: n, excerpt: t.length > 120 ? t.slice(0, 117) + '…' : t };
      }
    }
  }
  return best;
}

export function leadershipWords(texts: string[]): boolean {
  return texts.some((t) =>
    /\b(?:led|managed|supervised|directed|headed|oversaw|built and led|hired)\b[^.;]{0,40}\b(?:team|teams|engineers|people|staff|reports|department|group|squad|squads|designers|analysts|nurses|developers|members|organi[sz]ation|org)\b/i.test(t),
  );
}

export function totalYears(experiences: ParsedExperience[], asOf: string): { years: number; dated: number } {
  const now = asOfIndex(asOf);
  const intervals = experiences.map((e) => toInterval(e.start, e.end, now)).filter((i): i is NonNullable<typeof i> => i !== null);
  return { years: Math.round((unionMonths(intervals) / 12) * 10) / 10, dated: intervals.length };
}

/** The seniority verdict with its confidence and a reasoning sentence. `textConfidence` scales it for unreadable input. */
export function assessSeniority(experiences: ParsedExperience[], asOf: string, textConfidence = 1): Seniority {
  const { years, dated } = totalYears(experiences, asOf);
  const yl = yearsLevel(years);
  // the most recent role: a current one, else the one that ended last, else the first listed
  const ordered = [...experiences].sort((a, b) => endKey(b) - endKey(a));
  const recent = ordered[0];
  const recentTitle = recent?.title ?? '';
  let tl = recentTitle ? titleLevel(recentTitle) : null;
  // a second recent title of higher level (e.g. "Lead" while now "Staff") counts too
  for (const e of ordered.slice(1, 2)) {
    const l = e.title ? titleLevel(e.title) : null;
    if (l !== null && tl !== null && l > tl && l - tl === 1 && tl >= 2) tl = l;
  }
  const texts = experiences.flatMap((e) => [e.title, ...e.bullets]);
  const scope = scopeSize(texts);
  const led = leadershipWords(texts);
  let level: number;
  const reasons: string[] = [];
  if (tl !== null) {
    level = tl;
    reasons.push(`the most recent title "${recentTitle}" signals ${LEVELS[tl].toLowerCase()} level`);
    if (tl === 2 && years >= 10 && scope && scope.size >= 4) {
      level = 3;
      reasons.push(`leading a team of ${scope.size} with ${years} years lifts it to lead`);
    }
    if (tl === 3 && /\b(?:director|head)\b/i.test(recentTitle) && years >= 15) {
      level = 4;
      reasons.push(`${years} years at director level`);
    }
    if (tl >= 2 && dated > 0 && years < 2) {
      level = Math.max(0, tl - 1);
      reasons.push(`but only ${years} years of dated experience`);
    }
  } else {
    level = Math.min(yl, 2);
    if (dated > 0) reasons.push(`${years} years of experience suggest ${LEVELS[level].toLowerCase()} level`);
    if ((scope && scope.size >= 3 && years >= 5) || (led && years >= 8)) {
      level = Math.max(level, 3);
      reasons.push(scope ? `managing a team of ${scope.size} indicates lead scope` : 'leading teams indicates lead scope');
    }
  }
  let confidence = experiences.length === 0 ? 0.2 : 0.45;
  if (tl !== null) confidence += 0.2;
  if (dated > 0) confidence += 0.15;
  if (tl !== null && dated > 0 && Math.abs(tl - yl) <= 1) confidence += 0.15;
  if (scope) confidence += 0.05;
  confidence = round2(Math.min(0.95, confidence * Math.max(0.2, textConfidence)));
  const basis =
    experiences.length === 0
      ? 'No dated roles could be read from the resume, so this is a low-confidence default'
      : `${years} years of non-overlapping experience across ${dated} dated role${dated === 1 ? '' : 's'} (up to ${asOf || 'today'})`;
  const reasoning = `${LEVELS[level]}: ${basis}${reasons.length ? '; ' + reasons.join('; ') : ''}${scope ? ` (scope: "${scope.excerpt}")` : ''}.`;
  return { level: LEVELS[level], confidence, yearsOfExperience: years, reasoning };
}

function endKey(e: ParsedExperience): number {
  if (e.end?.present) return 1e9;
  const d = e.end ?? e.start;
  if (!d) return -1;
  return d.year * 12 + (d.month ?? 12);
}
