import { Arg, Ctx, Field, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import type { TruthFindingKind as Kind } from '../domain/changes.js';
import { CpuQueueFullError } from '../cpu/index.js';
import type { RequestContext } from './context.js';
import { badInput, codedError } from './errors.js';
import { cleanText } from './validate-input.js';

export const TruthFindingKind: { [K in Kind]: K } = {
  INVENTED_EMPLOYER: 'INVENTED_EMPLOYER',
  INVENTED_TITLE: 'INVENTED_TITLE',
  CHANGED_DATE: 'CHANGED_DATE',
  INFLATED_NUMBER: 'INFLATED_NUMBER',
  INVENTED_DEGREE: 'INVENTED_DEGREE',
  INVENTED_CERTIFICATION: 'INVENTED_CERTIFICATION',
  DROPPED_SECTION: 'DROPPED_SECTION',
  CHANGED_NAME: 'CHANGED_NAME',
  INVENTED_SKILL: 'INVENTED_SKILL',
  INFLATED_SCOPE: 'INFLATED_SCOPE',
  DROPPED_ROLE: 'DROPPED_ROLE',
  FIRST_PERSON: 'FIRST_PERSON',
};
registerEnumType(TruthFindingKind, {
  name: 'TruthFindingKind',
  description: 'What a tailored resume (or a proposed change) claims that its original does not support.',
  valuesConfig: {
    INVENTED_SKILL: { description: 'A skill, tool or technology that neither the resume nor an extractedSkills entry at or above the threshold supports.' },
    INFLATED_SCOPE: { description: 'More ownership or reach than the source line states: assisted → led, a team size, "company-wide".' },
    INFLATED_NUMBER: { description: 'A number the source line does not state, one moved to another context, or a spelled-out claim such as "doubled".' },
    DROPPED_ROLE: { description: 'A role of the original missing from the tailored text.' },
    FIRST_PERSON: { description: 'A resume line in the first person ("I", "my", "we"), where its source was not.' },
  },
});

@ObjectType()
export class TruthFinding {
  @Field(() => TruthFindingKind) kind!: Kind;
  @Field(() => String, { description: 'The tailored text the finding is about.' }) excerpt!: string;
  @Field(() => String) detail!: string;
}

@ObjectType({ description: 'An audit of a tailored resume against its original.' })
export class TailoringVerdict {
  @Field(() => Boolean, { description: 'True exactly when there are no findings.' }) faithful!: boolean;
  @Field(() => [TruthFinding]) findings!: TruthFinding[];
  @Field(() => [String], { description: "The job ad's keywords the tailored text covers (empty without a job ad)." })
  coveredKeywords!: string[];
  @Field(() => [String]) missingKeywords!: string[];
}

@Resolver()
export class VerifyResolver {
  @Query(() => TailoringVerdict, {
    description:
      'Deterministic, no model call: what the tailored text claims that the original does not support, and which of the job ad keywords it covers.',
  })
  async verifyTailoring(
    @Arg('original', () => String) original: string,
    @Arg('tailored', () => String) tailored: string,
    @Arg('jobAd', () => String, { nullable: true }) jobAd: string | null,
    @Ctx() { services, tenant }: RequestContext,
  ): Promise<TailoringVerdict> {
    const { maxResumeChars, maxJobAdChars } = services.config.limits;
    for (const [field, value, max] of [
      ['original', original, maxResumeChars],
      ['tailored', tailored, maxResumeChars],
      ['jobAd', jobAd ?? '', maxJobAdChars],
    ] as const) {
      if (value.length > max) throw badInput(`${field} is ${value.length} characters; the limit is ${max}`, field);
    }
    if (!original.trim()) throw badInput('original is empty: send the resume the tailored text was made from', 'original');
    if (!tailored.trim()) throw badInput('tailored is empty: send the tailored resume to audit', 'tailored');
    // On a worker thread, in the tenant's own line: a flood of audits cannot stall the API.
    return services.cpu
      .run(
        'verifyTailoring',
        { original: cleanText(original, 'original'), tailored: cleanText(tailored, 'tailored'), jobAd: jobAd === null ? null : cleanText(jobAd, 'jobAd') },
        { tenant },
      )
      .catch((error: unknown) => {
        if (error instanceof CpuQueueFullError) throw codedError('RATE_LIMITED', 'too many audits of this API key are waiting already: retry in a few seconds', { retryAfterSeconds: 5 });
        throw error;
      });
  }
}
