/** An enum value as people read it: COMMUNITY_COLLEGE → "Community college". */
export const humanize = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');

/** Choices for a SelectInput or SelectField from the values of a GraphQL enum. */
export const enumChoices = (values: readonly string[]) => values.map((id) => ({ id, name: humanize(id) }));
