/** The deterministic truthfulness audit: a change, or a whole tailored text, against the original resume. */
export { verifyTailoring } from './verify.js';
export { auditContext, auditNote, auditProposals, auditText, evidences, metricSupported, type AuditContext, type AuditedProposals } from './change.js';
export { provenanceOf } from './provenance.js';
