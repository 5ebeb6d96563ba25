/**
 * What the document renderers (markdown, PDF, DOCX, JSON Resume) draw: a small, explicit model of
 * a finished resume or letter. Plain data (no classes, no functions), so a render call's input and
 * output cross a worker-thread boundary as they are.
 */

export interface RenderedEntry {
  /** The role's title, as the resume gives it; empty when it gives none. */
  title: string;
  /** The employer (or organisation); empty when the resume gives none. */
  company: string;
  /** The dates as written ("Jan 2020 – Present"); empty when none. */
  dateText: string;
  /** `YYYY-MM`, `YYYY-MM-DD` or `YYYY` where the dates could be read; null otherwise or for "Present". */
  startDate: string | null;
  endDate: string | null;
  location: string;
  bullets: string[];
}

export type RenderedSectionKind =
  | 'summary'
  | 'experience'
  | 'volunteer'
  | 'education'
  | 'skills'
  | 'certifications'
  | 'projects'
  | 'other';

export interface RenderedSection {
  heading: string;
  kind: RenderedSectionKind;
  /** Role-like sections hold entries; the others hold lines. */
  entries: RenderedEntry[];
  /** Lines as written; a line starting with "- " is a list item. */
  lines: string[];
}

export interface RenderedResume {
  name: string | null;
  /** Contact lines as written (email, phone, links, place), one or more items per line. */
  contact: string[];
  sections: RenderedSection[];
}

export interface RenderedLetter {
  /** The candidate's name, for the file's title; null when unknown. */
  name: string | null;
  /** Paragraphs in order, salutation and sign-off included; a paragraph may hold line breaks. */
  paragraphs: string[];
}

export const EXPORT_FORMATS = ['MARKDOWN', 'PDF', 'DOCX', 'JSON_RESUME'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A rendered file: serialisable as it is. */
export interface RenderedFile {
  filename: string;
  mediaType: string;
  bytes: Uint8Array;
}
