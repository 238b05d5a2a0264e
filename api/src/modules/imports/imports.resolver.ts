import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { denial, isAdmin } from '../../core/access';
import { Context } from '../../core/context';
import { ErrorCode, UserInputFailure } from '../../core/errors';
import { decodeInput } from '../../core/input';
import { runMutation } from '../../core/mutation';
import { importOccupations } from './occupation-import.service';
import { OccupationsImportInput, OccupationsImportPayload } from './imports.types';
import { FILE_FORMATS, ImportFileError } from './onet-files';

@Resolver()
export class ImportsResolver {
  @Mutation(() => OccupationsImportPayload, {
    description: 'Admins: imports O*NET occupation data, task statements and job zones and BLS OEWS wages. Bad rows are reported and left out; a file that cannot be read stops the import with nothing written.',
  })
  occupationsImport(@Arg('input', () => OccupationsImportInput, { description: 'The files and, when their names do not say, the wage year.' }) input: OccupationsImportInput, @Ctx() ctx: Context): Promise<OccupationsImportPayload> {
    if (!isAdmin(ctx)) throw denial(ctx);
    return runMutation<OccupationsImportPayload>(ctx, async (em) => {
      const { files, wageYear } = await decodeInput(input);
      const sources = files.map((file) => ({ kind: file.kind, name: file.name || FILE_FORMATS[file.kind].defaultName, content: file.content }));
      try {
        return { report: await importOccupations(em, sources, { wageYear }) };
      } catch (error) {
        if (!(error instanceof ImportFileError)) throw error;
        const index = sources.findIndex((source) => source.name === error.file);
        throw UserInputFailure.of(['input', 'files', String(Math.max(index, 0)), 'content'], error.message, ErrorCode.INVALID);
      }
    }, { report: null });
  }
}
