import { Arg, Ctx, Extensions, Field, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { NOT_COSTED_BY_INPUT_SIZE } from './cost.js';
import { DocumentInputError, ImportBusyError, UnreadableDocumentError } from '../services/import-service.js';
import type { RequestContext } from './context.js';
import { badInput, codedError } from './errors.js';

@InputType({ description: 'A file sent inline: at most 5 MiB once decoded.' })
export class DocumentInput {
  @Field(() => String, { description: "The file's name (shown back only; the type is judged from the content)." }) filename!: string;
  @Field(() => String, { description: "The file's bytes in base64 (a data: URL prefix is accepted)." }) contentBase64!: string;
  @Field(() => String, { nullable: true, description: 'What the client thinks the file is; informative only.' }) mediaType?: string | null;
}

@ObjectType({ description: 'The text read from an imported resume, for the user to check before starting an enhancement.' })
export class ImportedResume {
  @Field(() => String) text!: string;
  @Field(() => String, { description: 'The type judged from the content: application/pdf, the DOCX type, application/json, text/markdown or text/plain.' })
  mediaType!: string;
  @Field(() => Int, { nullable: true, description: 'Pages of a PDF; null for other formats.' }) pages!: number | null;
  @Field(() => Int) characters!: number;
  @Field(() => [String], { description: 'What the reader should check: columns re-ordered, images skipped, a table flattened, text cut.' })
  warnings!: string[];
}

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportedResume, {
    description:
      'Reads a PDF (text layer), DOCX, JSON Resume or plain text/markdown into resume text. UNREADABLE_DOCUMENT when it holds no readable text.',
  })
  // A file's bytes are read on the import pool, within its own size, time and queue limits, not on this process.
  @Extensions(NOT_COSTED_BY_INPUT_SIZE)
  async importResume(@Arg('file', () => DocumentInput) file: DocumentInput, @Ctx() { services }: RequestContext): Promise<ImportedResume> {
    try {
      return await services.imports.importResume(file);
    } catch (error) {
      if (error instanceof DocumentInputError) throw badInput(error.message, error.field);
      if (error instanceof UnreadableDocumentError) throw codedError('UNREADABLE_DOCUMENT', `the file has no readable text: ${error.message}`);
      if (error instanceof ImportBusyError) throw codedError('RATE_LIMITED', `${error.message}; try again in a second`, { retryAfterSeconds: 1 });
      throw error;
    }
  }
}
