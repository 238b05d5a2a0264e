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

const marked = (extensions: { readonly [name: string]: unknown } | null | undefined) => extensions?.publicData === true;

const verdicts = new WeakMap<DocumentNode, boolean>();

/**
 * Whether every field a document selects is public data: marked itself, or on a type that is.
 * `__typename` and introspection are public. Measured once per parsed document.
 */
export function readsOnlyPublicData(schema: GraphQLSchema, document: DocumentNode): boolean {
  const known = verdicts.get(document);
  if (known !== undefined) return known;
  const typeInfo = new TypeInfo(schema);
  let onlyPublic = true;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (node.name.value.startsWith('__')) return false;
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        const parentMarked = parent && (isObjectType(parent) || isInterfaceType(parent)) && marked(parent.extensions);
        if (!field || !(marked(field.extensions) || parentMarked)) {
          onlyPublic = false;
          return BREAK;
        }
        return undefined;
      },
    }),
  );
  verdicts.set(document, onlyPublic);
  return onlyPublic;
}
