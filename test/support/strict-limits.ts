/** Imported first by specs that exercise the query limits, so the server reads these small values. */
process.env.GRAPHQL_MAX_DEPTH = '6';
process.env.GRAPHQL_MAX_COST = '1000';
process.env.GRAPHQL_MAX_ALIASES = '3';
process.env.GRAPHQL_MAX_TOKENS = '400';
process.env.GRAPHQL_MAX_BODY_BYTES = '20000';
