export const resolvers = [] as const;
