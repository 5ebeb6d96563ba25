export const RESUME_A = `Jane Doe
jane.doe@example.com | Berlin

## Summary
Backend engineer building reliable data services.

## Experience
Senior Software Engineer — Acme Analytics
Jan 2020 – Present
- Led a team of 5 engineers rebuilding the ingestion pipeline in TypeScript and Node.js
- Cut p99 API latency by 40% by moving hot paths to Redis caching
- Introduced PostgreSQL partitioning for 2 TB of event data

Software Engineer | Globex
2016-03 to 2019-12
- Built REST APIs in Python and Django for 120,000 monthly users
- Automated deployments with Docker and GitHub Actions

## Education
B.Sc. Computer Science, Technical University of Munich, 2016

## Skills
TypeScript, Node.js, Python, PostgreSQL, Redis, Docker
`;

export const JOB_A = `Staff Backend Engineer at Initech

Requirements:
- 6+ years of backend development
- Strong TypeScript and Node.js
- Experience with Kubernetes and AWS
- PostgreSQL and Redis

Nice to have:
- GraphQL
- Terraform
`;

export const RESUME_B = `Carlos Rivera
carlos@example.org

EXPERIENCE
Registered Nurse at St. Mary Hospital
03/2015 - 06/2021
* Cared for 30 patients per shift in the cardiac unit
* Trained 12 new nurses on EHR charting in Epic

Charge Nurse at City Clinic
2021 – Present
* Coordinated a staff of 8 nurses
* Reduced medication errors by 25%

EDUCATION
Bachelor of Science in Nursing, State University, 2014

CERTIFICATIONS
BLS, ACLS
`;

export const JOB_B = `Nurse Manager

Must have:
- 5 years of clinical nursing experience
- Leadership of nursing staff
- Epic EHR

Preferred:
- MSN degree
- Quality improvement experience
`;
