import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EXPORT_FORMATS, type ExportFormat as Format } from '../../domain/rendered-resume.js';
import { TruthFinding } from '../verify.resolver.js';

export const ExportFormat = Object.fromEntries(EXPORT_FORMATS.map((f) => [f, f])) as { [K in Format]: K };
registerEnumType(ExportFormat, {
  name: 'ExportFormat',
  description: 'A file format to export to: MARKDOWN, PDF (one column, selectable text), DOCX, or JSON_RESUME (jsonresume.org schema; resume only).',
});

@ObjectType({ description: 'A rendered file, whole, in base64.' })
export class ExportedFile {
  @Field(() => String, { description: 'A suggested file name, e.g. jane-doe-resume.pdf.' }) filename!: string;
  @Field(() => String) mediaType!: string;
  @Field(() => Int) byteLength!: number;
  @Field(() => String) contentBase64!: string;
}

@ObjectType('CoverLetter', { description: 'The cover letter COVER_LETTER wrote, less every sentence the resume does not support.' })
export class CoverLetterType {
  @Field(() => String) markdown!: string;
  @Field(() => [TruthFinding], { description: 'Sentences left out of the letter, each with why the resume does not support it.' })
  findings!: TruthFinding[];
}
