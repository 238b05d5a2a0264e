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

@InputType()
export class CompetencyFrameworkImportInput {
  @Field(() => GraphQLJSONObject, { description: 'A CASE 1.1 CFPackage: CFDocument, CFItems and CFAssociations.' })
  package: Record<string, unknown>;
}

@ObjectType()
export class CompetencyFrameworkImportPayload {
  @Field(() => CompetencyFramework, { nullable: true })
  competencyFramework: CompetencyFramework | null;

  @Field(() => Boolean, { description: 'Whether the framework was new: a package updates the framework with its CFDocument identifier.' })
  frameworkCreated: boolean;

  @Field(() => Int, { description: 'Competencies created.' })
  created: number;

  @Field(() => Int)
  updated: number;

  @Field(() => Int)
  unchanged: number;

  @Field(() => [UserError])
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
  competencyFrameworkImport(@Arg('input', () => CompetencyFrameworkImportInput) input: CompetencyFrameworkImportInput, @Ctx() ctx: Context) {
    if (!isAdmin(ctx)) throw denial(ctx);
    return runMutation<CompetencyFrameworkImportPayload>(ctx, async (em) => {
      const result = await importCasePackage(em, input.package);
      return { competencyFramework: result.framework, frameworkCreated: result.frameworkCreated, created: result.created, updated: result.updated, unchanged: result.unchanged };
    }, { competencyFramework: null, frameworkCreated: false, created: 0, updated: 0, unchanged: 0 });
  }
}
