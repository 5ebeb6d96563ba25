/**
 * The audit measured on a labelled set of edits: faithful rewrites it must apply, and unfaithful ones
 * (scope, number context, skills, facts, person) it must hold. Prints precision and recall of "held".
 */
import { describe, expect, it } from 'vitest';
import { auditContext, auditText } from '../../src/audit/index.js';
import { buildResumeDocument } from '../../src/documents/resume-document.js';

const RESUME = `Maya Chen
maya@example.com

## Summary
Data engineer who keeps analytics pipelines fast and correct.

## Experience
Senior Data Engineer — Northwind Retail
Mar 2021 – Present
- Led a team of 4 engineers migrating batch ETL to Apache Spark on AWS
- Reduced nightly pipeline runtime by 65% by partitioning Parquet tables
- Assisted the finance team with the revenue reconciliation dashboard in Tableau
- Helped onboard 3 new analysts to dbt and SQL conventions

Data Engineer — Fabrikam Health
Jun 2017 – Feb 2021
- Built Python ingestion jobs for 2 million patient records a day
- Contributed to the HIPAA audit of the data warehouse
- Cut query costs by $40K a year by clustering BigQuery tables
- Wrote Airflow DAGs for 30 daily reports

## Education
M.Sc. Computer Science, University of Toronto, 2017

## Skills
Python, SQL, Apache Spark, Airflow, dbt, BigQuery, AWS, Tableau
`;

const doc = buildResumeDocument(RESUME, { extractedSkills: [{ name: 'Snowflake', confidence: 0.85 }, { name: 'Kafka', confidence: 0.5 }], confidenceThreshold: 0.7 });
const ctx = auditContext(doc);
const B = (r: number, b: number) => `experience[${r}].bullets[${b}]`;

type Case = [target: string, after: string, faithful: boolean, category: string];
const CASES: Case[] = [
  // ---- faithful (must be APPLIED)
  [B(0, 0), 'Led 4 engineers migrating batch ETL to Apache Spark on AWS', true, 'reword'],
  [B(0, 0), 'Led a 4-person team moving batch ETL onto Apache Spark on AWS', true, 'scope'],
  [B(0, 0), 'Migrated batch ETL to Apache Spark on AWS, leading a team of 4 engineers', true, 'scope'],
  [B(0, 1), 'Cut nightly pipeline runtime by 65% by partitioning Parquet tables', true, 'number'],
  [B(0, 1), 'Partitioned Parquet tables, reducing nightly pipeline runtime 65%', true, 'number'],
  [B(0, 1), 'Reduced the nightly pipeline runtime 65% through Parquet table partitioning', true, 'number'],
  [B(0, 2), 'Assisted the finance team in building the revenue reconciliation dashboard in Tableau', true, 'scope'],
  [B(0, 2), 'Supported the finance team on a Tableau revenue reconciliation dashboard', true, 'scope'],
  [B(0, 2), 'Helped the finance team build a revenue reconciliation dashboard in Tableau', true, 'scope'],
  [B(0, 3), 'Helped 3 new analysts learn dbt and SQL conventions', true, 'number'],
  [B(0, 3), 'Helped onboard three new analysts to dbt and SQL conventions', true, 'number'],
  [B(0, 3), 'Assisted in onboarding 3 new analysts to dbt and SQL conventions', true, 'scope'],
  [B(1, 0), 'Built Python ingestion jobs processing 2 million patient records daily', true, 'number'],
  [B(1, 0), 'Wrote Python jobs that ingest 2 million patient records a day', true, 'reword'],
  [B(1, 0), 'Built daily Python ingestion for 2 million patient records', true, 'number'],
  [B(1, 1), 'Contributed to the data warehouse HIPAA audit', true, 'scope'],
  [B(1, 1), 'Contributed to a HIPAA audit of the data warehouse', true, 'scope'],
  [B(1, 1), 'Took part in the HIPAA audit of the data warehouse, contributing evidence', true, 'scope'],
  [B(1, 2), 'Clustered BigQuery tables, cutting query costs by $40K a year', true, 'number'],
  [B(1, 2), 'Saved $40K a year in query costs by clustering BigQuery tables', true, 'number'],
  [B(1, 2), 'Lowered BigQuery query costs $40K annually through table clustering', true, 'number'],
  [B(1, 3), 'Wrote Airflow DAGs for 30 daily reports', true, 'reword'],
  [B(1, 3), 'Authored Airflow DAGs producing 30 daily reports', true, 'number'],
  [B(1, 3), 'Built Airflow DAGs behind 30 daily reports (Python)', true, 'skill'],
  [B(1, 0), 'Built Python ingestion jobs for 2 million patient records a day (SQL)', true, 'skill'],
  [B(0, 0), 'Led a team of 4 engineers migrating batch ETL to Apache Spark on AWS and Snowflake', true, 'skill'],
  [B(1, 2), 'Cut query costs by $40K a year by clustering BigQuery tables with SQL', true, 'skill'],
  [B(0, 1), 'Reduced nightly pipeline runtime by 65% by partitioning Parquet tables in Apache Spark', true, 'skill'],
  ['summary', 'Senior data engineer at Northwind Retail, previously at Fabrikam Health, working in Python, SQL and Apache Spark.', true, 'summary'],
  ['summary', 'Data engineer who reduced nightly pipeline runtime by 65% and cut query costs by $40K a year.', true, 'summary'],
  ['summary', 'Data engineer with an M.Sc. in Computer Science who keeps analytics pipelines fast and correct.', true, 'summary'],
  ['summary', 'Led a team of 4 engineers at Northwind Retail; builds Airflow and dbt pipelines.', true, 'summary'],
  ['summary', 'Senior Data Engineer focused on fast, correct analytics pipelines on AWS and BigQuery.', true, 'summary'],
  [B(0, 3), 'Helped onboard 3 new analysts to SQL and dbt conventions', true, 'reword'],
  [B(0, 1), 'Reduced nightly pipeline runtime by 65%', true, 'number'],
  [B(1, 0), 'Built Python ingestion jobs for 2M patient records a day', true, 'number'], // faithful, but the audit reads "2M" as a new number: a known miss
  [B(0, 0), 'Led a team of four engineers migrating batch ETL to Apache Spark on AWS', true, 'scope'],
  [B(1, 3), 'Wrote Airflow DAGs for 30 daily reports in 2019', true, 'fact'],
  [B(1, 1), 'Contributed to the HIPAA audit of the data warehouse at Fabrikam Health', true, 'fact'],
  [B(0, 2), 'Assisted the finance team as Senior Data Engineer with the Tableau revenue reconciliation dashboard', true, 'fact'],
  [B(1, 2), 'Cut query costs by $40K a year by clustering BigQuery tables on AWS', true, 'skill'],
  // ---- unfaithful (must be HELD)
  [B(0, 2), 'Led the revenue reconciliation dashboard for the finance team in Tableau', false, 'scope'],
  [B(0, 2), 'Owned the revenue reconciliation dashboard in Tableau', false, 'scope'],
  [B(0, 2), 'Spearheaded the finance revenue reconciliation dashboard in Tableau', false, 'scope'],
  [B(0, 3), 'Managed the onboarding of 3 new analysts to dbt and SQL conventions', false, 'scope'],
  [B(1, 1), 'Led the HIPAA audit of the data warehouse', false, 'scope'],
  [B(1, 1), 'Directed the HIPAA audit of the data warehouse', false, 'scope'],
  [B(1, 1), 'Ran the company-wide HIPAA audit of the data warehouse, contributing evidence', false, 'scope'],
  [B(1, 0), 'Built Python ingestion jobs for 2 million patient records a day across the organization', false, 'scope'],
  [B(1, 3), 'Wrote Airflow DAGs for 30 daily reports, supervising a team of 6 analysts', false, 'scope'],
  [B(1, 2), 'Cut query costs by $40K a year by clustering BigQuery tables globally', false, 'scope'],
  [B(0, 0), 'Led a team of 9 engineers migrating batch ETL to Apache Spark on AWS', false, 'scope'],
  [B(0, 3), 'Single-handedly onboarded 3 new analysts to dbt and SQL conventions', false, 'scope'],
  [B(0, 1), 'Reduced nightly pipeline runtime by 80% by partitioning Parquet tables', false, 'number'],
  [B(0, 1), 'Increased revenue by 65% by partitioning Parquet tables', false, 'number'],
  [B(0, 1), 'Reduced nightly pipeline runtime by 65%, saving $40K a year', false, 'number'],
  [B(1, 2), 'Cut query costs by $400K a year by clustering BigQuery tables', false, 'number'],
  [B(1, 2), 'Grew customer retention by $40K a year by clustering BigQuery tables', false, 'number'],
  [B(1, 0), 'Built Python ingestion jobs for 2 million patient records a day, doubling throughput', false, 'number'],
  [B(1, 3), 'Wrote Airflow DAGs for 30 daily reports, cutting report latency by 65%', false, 'number'],
  [B(1, 3), 'Wrote Airflow DAGs for 45 daily reports', false, 'number'],
  [B(0, 3), 'Helped onboard 3 new analysts, tripling team output', false, 'number'],
  [B(1, 0), 'Built Python ingestion jobs for 5 million patient records a day', false, 'number'],
  [B(1, 2), 'Cut query costs by $40K a year and runtime by 30% by clustering BigQuery tables', false, 'number'],
  [B(0, 0), 'Led a team of 4 engineers migrating batch ETL to Apache Spark on Kubernetes', false, 'skill'],
  [B(0, 0), 'Led a team of 4 engineers migrating batch ETL to Apache Spark and Kafka on AWS', false, 'skill'],
  [B(1, 0), 'Built Python and Scala ingestion jobs for 2 million patient records a day', false, 'skill'],
  [B(1, 3), 'Wrote Airflow DAGs and Terraform modules for 30 daily reports', false, 'skill'],
  [B(1, 2), 'Cut query costs by $40K a year by clustering BigQuery and Redshift tables', false, 'skill'],
  [B(0, 2), 'Assisted the finance team with the revenue reconciliation dashboard in Power BI', false, 'skill'],
  [B(0, 1), 'Reduced nightly pipeline runtime by 65% by partitioning Parquet tables in Databricks', false, 'skill'],
  [B(0, 3), 'Helped onboard 3 new analysts to dbt, SQL and Looker conventions', false, 'skill'],
  [B(1, 0), 'Built Python ingestion jobs at Google for 2 million patient records a day', false, 'fact'],
  [B(1, 3), 'Wrote Airflow DAGs for 30 daily reports as Principal Architect', false, 'fact'],
  [B(1, 1), 'Contributed to the HIPAA audit of the data warehouse in 2022', false, 'fact'],
  ['summary', 'Data engineer with a PhD who keeps analytics pipelines fast and correct.', false, 'fact'],
  ['summary', 'Google Cloud Professional Data Engineer who keeps analytics pipelines fast and correct.', false, 'fact'],
  ['summary', 'Data engineer who doubled analytics throughput at Northwind Retail.', false, 'summary'],
  ['summary', 'Data engineer who led company-wide analytics at Northwind Retail.', false, 'summary'],
  ['summary', 'I am a data engineer who keeps analytics pipelines fast and correct.', false, 'person'],
  [B(1, 3), 'I wrote Airflow DAGs for 30 daily reports', false, 'person'],
  [B(0, 3), 'We onboarded 3 new analysts to dbt and SQL conventions', false, 'person'],
];

describe('the audit on a labelled set of edits', () => {
  it('holds the unfaithful and applies the faithful, with precision and recall above their floors', () => {
    const faithful = CASES.filter((c) => c[2]);
    const unfaithful = CASES.filter((c) => !c[2]);
    expect(faithful.length).toBeGreaterThanOrEqual(40);
    expect(unfaithful.length).toBeGreaterThanOrEqual(40);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const misses: string[] = [];
    const byCategory: Record<string, { n: number; right: number }> = {};
    for (const [target, after, ok, category] of CASES) {
      const p = /^experience\[(\d)\]\.bullets\[(\d)\]$/.exec(target);
      const before = p ? doc.experience[Number(p[1])]!.bullets[Number(p[2])]! : doc.summary.join(' ');
      const held = auditText(target, before, after, ctx).length > 0;
      if (held && !ok) tp++;
      else if (held && ok) fp++;
      else if (!held && !ok) fn++;
      if (held === ok) misses.push(`${ok ? 'held a faithful' : 'applied an unfaithful'} edit (${category}): ${after}`);
      const cat = (byCategory[`${ok ? 'faithful' : 'unfaithful'} ${category}`] ??= { n: 0, right: 0 });
      cat.n++;
      if (held !== ok) cat.right++;
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(`audit on ${faithful.length} faithful + ${unfaithful.length} unfaithful edits: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
    for (const [cat, { n, right }] of Object.entries(byCategory).sort()) console.log(`  ${cat}: ${right}/${n}`);
    for (const m of misses) console.log(`  miss: ${m}`);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
