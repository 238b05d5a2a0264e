// PostGraphile 5 as the benchmark runs it: copied into bench/out/postgraphile5 (where its
// packages are installed, outside the workspace) and started there with DATABASE_URL, HOST, PORT.
// Its packages ask for Node 22; on Node 20 the one thing missing is Promise.withResolvers.
if (!Promise.withResolvers) {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new this((yes, no) => {
      resolve = yes;
      reject = no;
    });
    return { promise, resolve, reject };
  };
}

const { createServer } = await import('node:http');
const { postgraphile } = await import('postgraphile');
const { PostGraphileAmberPreset } = await import('postgraphile/presets/amber');
const { makePgService } = await import('postgraphile/adaptors/pg');
const { grafserv } = await import('postgraphile/grafserv/node');

const port = Number(process.env.PORT);
const host = process.env.HOST ?? '127.0.0.1';
const preset = {
  extends: [PostGraphileAmberPreset],
  // Ordering and conditions on every column, as PostGraphile 4's CLI allows (not only indexed ones).
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'], poolConfig: { max: 10 } })],
  grafserv: { port, host, graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
};
const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on('error', (error) => {
  console.error(error);
  process.exit(1);
});
await serv.addTo(server);
server.listen(port, host, () => console.log(`listening http://${host}:${port}/graphql`));
process.on('SIGTERM', async () => {
  server.close();
  await pgl.release();
  process.exit(0);
});
