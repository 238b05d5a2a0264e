import { DocumentNode, GraphQLSchema, isInterfaceType, isObjectType, TypeInfo, visit, visitWithTypeInfo, BREAK } from 'graphql';
import { Extensions } from 'type-graphql';

const publicClasses = new WeakSet<Function>();

/**
 * Marks an object type, or one field, as public data: what it answers to a caller without a token
 * is published data, the same for every such caller, so a shared cache (a CDN, a browser) may keep
 * it. The read policies already hide drafts and private rows from the public; this marker says in
 * the schema which parts of the graph are the published catalogue, and HTTP caching follows it.
 * Connections and root queries of a public type are public too (see `ConnectionType`, `crudResolver`).
 */
export function PublicData(): ClassDecorator & MethodDecorator & PropertyDecorator {
  return ((target: Function | object, propertyKey?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (propertyKey === undefined) publicClasses.add(target as Function);
    (Extensions({ publicData: true }) as (...args: unknown[]) => void)(target, propertyKey, descriptor);
  }) as ClassDecorator & MethodDecorator & PropertyDecorator;
}

export const isPublicClass = (type: Function): boolean => publicClasses.has(type);

/**
 * Marks a public field whose answer never changes once the public can read it: a published
 * pathway version's own data (DOMAIN.md: publishing freezes a version, and the public sees
 * published versions only), the links from it to its stages, credentials, occupations and
 * partners, and global IDs. The linked records' own fields (a credential's title, an occupation's
 * wage) are not frozen, nor is anything that a published version still gains or loses: its
 * status (RETIRED later), endorsements, outcomes. A public answer that reads only such fields may
 * be kept for long (`immutablePolicy` in http-cache.ts).
 */
export function ImmutableData(): MethodDecorator & PropertyDecorator {
  return ((target: object, propertyKey: string | symbol, descriptor?: PropertyDescriptor) => {
    (Extensions({ immutableData: true }) as (...args: unknown[]) => void)(target, propertyKey, descriptor);
  }) as MethodDecorator & PropertyDecorator;
}

type ExtensionMap = { readonly [name: string]: unknown } | null | undefined;

const marked = (extensions: ExtensionMap) => extensions?.publicData === true;
const frozen = (extensions: ExtensionMap) => extensions?.immutableData === true;

/** What HTTP caching may do with the answer to a document. */
export interface DataVerdict {
  /** Every field it selects is public data. */
  onlyPublic: boolean;
  /** ...and every one of them is immutable data as well. */
  onlyImmutable: boolean;
}

const verdicts = new WeakMap<DocumentNode, DataVerdict>();

/**
 * Whether every field a document selects is public data (marked itself, or on a type that is),
 * and whether every one is also immutable data (marked itself; types are never frozen whole).
 * Introspection is public; `__typename` is immutable too. Measured once per parsed document.
 */
export function dataVerdict(schema: GraphQLSchema, document: DocumentNode): DataVerdict {
  const known = verdicts.get(document);
  if (known !== undefined) return known;
  const typeInfo = new TypeInfo(schema);
  const verdict: DataVerdict = { onlyPublic: true, onlyImmutable: true };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (node.name.value.startsWith('__')) {
          // Introspection is public, but the schema changes with every release.
          if (node.name.value !== '__typename') verdict.onlyImmutable = false;
          return false;
        }
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        const parentMarked = parent && (isObjectType(parent) || isInterfaceType(parent)) && marked(parent.extensions);
        if (!field || !(marked(field.extensions) || parentMarked)) {
          verdict.onlyPublic = false;
          verdict.onlyImmutable = false;
          return BREAK;
        }
        if (!frozen(field.extensions)) verdict.onlyImmutable = false;
        return undefined;
      },
    }),
  );
  verdicts.set(document, verdict);
  return verdict;
}

/** Whether every field a document selects is public data. */
export const readsOnlyPublicData = (schema: GraphQLSchema, document: DocumentNode): boolean => dataVerdict(schema, document).onlyPublic;
