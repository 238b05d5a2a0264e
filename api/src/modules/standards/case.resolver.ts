import { Arg, Ctx, Field, FieldResolver, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { denial, isAdmin } from '../../core/access';
import { Context } from '../../core/context';
import { UserError } from '../../core/errors';
import { runMutation } from '../../core/mutation';
import { buildCasePackage } from './case-package';
import { importCasePackage } from './case-import.service';
import { Competency } from './competency.entity';
import { CompetencyFramework } from './competency-framework.entity';

@InputType({ description: 'A CASE package to import.' })
export class CompetencyFrameworkImportInput {
  @Field(() => GraphQLJSONObject, { description: 'A CASE 1.1 CFPackage: CFDocument, CFItems and CFAssociations.' })
  package: Record<string, unknown>;
}

@ObjectType({ description: 'What a CASE import did, or userErrors saying why nothing was written.' })
export class CompetencyFrameworkImportPayload {
  @Field(() => CompetencyFramework, { nullable: true, description: 'The framework as imported; null when refused.' })
  competencyFramework: CompetencyFramework | null;

  @Field(() => Boolean, { description: 'Whether the framework was new: a package updates the framework with its CFDocument identifier.' })
  frameworkCreated: boolean;

  @Field(() => Int, { description: 'Competencies created.' })
  created: number;

  @Field(() => Int, { description: 'Existing competencies the package changed.' })
  updated: number;

  @Field(() => Int, { description: 'Existing competencies the package left as they were.' })
  unchanged: number;

  @Field(() => [UserError], { description: 'Every problem found in the package, each naming its place in it (e.g. ["input", "package", "CFItems", "3", "identifier"]); empty on success.' })
  userErrors: UserError[];
}

@Resolver(() => CompetencyFramework)
export class CasePackageResolver {
  @FieldResolver(() => GraphQLJSONObject, {
    description: 'The framework as a CASE 1.1 CFPackage (also served at /ims/case/v1p1/CFPackages/<caseIdentifier>).',
  })
  async casePackage(@Root() framework: CompetencyFramework, @Ctx() ctx: Context): Promise<Record<string, unknown>> {
    const competencies = await ctx.loaders.manyBy(Competency, 'frameworkId').load(framework.id);
    return buildCasePackage(framework, competencies);
  }

  @Mutation(() => CompetencyFrameworkImportPayload, {
    description: 'Admins: imports a CASE 1.1 CFPackage, creating or updating the framework and competencies with its identifiers. A package with any problem is refused whole.',
  })
  competencyFrameworkImport(@Arg('input', () => CompetencyFrameworkImportInput, { description: 'The CFPackage.' }) input: CompetencyFrameworkImportInput, @Ctx() ctx: Context) {
    if (!isAdmin(ctx)) throw denial(ctx);
    return runMutation<CompetencyFrameworkImportPayload>(ctx, async (em) => {
      const result = await importCasePackage(em, input.package);
      return { competencyFramework: result.framework, frameworkCreated: result.frameworkCreated, created: result.created, updated: result.updated, unchanged: result.unchanged };
    }, { competencyFramework: null, frameworkCreated: false, created: 0, updated: 0, unchanged: 0 });
  }
}
