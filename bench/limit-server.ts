import http from 'node:http';
import { Pool } from 'pg';
import { SIZES } from './generate';
import { benchQueries } from './queries';

/**
 * The physical limit: each query's JSON built by one hand-written SQL statement and sent as
 * PostgreSQL returns it, from plain node:http and pg. `GET /<query>?n=<record>` answers the
 * query for that record. Runs on DATABASE_URL and PORT, sized by BENCH_SIZE.
 */
const queries = new Map(benchQueries(SIZES[(process.env.BENCH_SIZE ?? 'M') as 'S' | 'M']).filter((q) => q.limitSql).map((q) => [q.key, q.limitSql!]));
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://limit');
  const sql = queries.get(url.pathname.slice(1));
  if (!sql) {
    res.writeHead(404).end();
    return;
  }
  try {
    // A named statement is parsed and planned once per connection, as a real service would do.
    const result = await pool.query({ name: url.pathname, text: sql, values: [Number(url.searchParams.get('n'))], rowMode: 'array' });
    const body = result.rows[0][0] as string;
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  } catch (error) {
    res.writeHead(500).end(String(error));
  }
});

server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`listening http://127.0.0.1:${process.env.PORT}`));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
