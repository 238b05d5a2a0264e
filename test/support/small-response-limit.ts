/** Imported first by the response-size spec, so the server reads a backstop small enough to reach. */
process.env.GRAPHQL_MAX_RESPONSE_BYTES = '20000';
