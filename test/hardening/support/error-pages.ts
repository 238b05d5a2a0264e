import { config } from '../../../api/src/core/config';
import { limits } from '../../../api/src/core/limits';
import { startTestApi, TestApi } from '../../support/api';

/**
 * Express's own error answers (a body over the limit, JSON that does not parse): JSON in our error
 * shape, never an HTML page with a stack, and no X-Powered-By. Run by one spec in the test mode and
 * by one that imports production-mode first, since config reads NODE_ENV when it is loaded.
 */
export function describeErrorPages(title: string, production: boolean): void {
  describe(title, () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi();
    });
    afterAll(() => api.close());

    const send = async (body: string) => {
      const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const text = await response.text();
      return { status: response.status, type: response.headers.get('content-type'), powered: response.headers.get('x-powered-by'), text, body: JSON.parse(text) as unknown };
    };

    it(`runs in ${production ? 'production' : 'test'} mode`, () => {
      expect(config.production).toBe(production);
    });

    it('answers a body over the limit with 413 and JSON, without a stack', async () => {
      const answer = await send(JSON.stringify({ query: `{ me { role } }`, pad: 'x'.repeat(limits.maxBodyBytes) }));
      expect(answer).toMatchObject({ status: 413, powered: null });
      expect(answer.type).toMatch(/^application\/json/);
      expect(answer.body).toEqual({ errors: [{ message: `The request body is over the limit of ${limits.maxBodyBytes} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    });

    it('answers JSON that does not parse with 400 and JSON, without a stack or file paths', async () => {
      const answer = await send('{"query": "{ me { role } }"');
      expect(answer).toMatchObject({ status: 400, powered: null });
      expect(answer.type).toMatch(/^application\/json/);
      expect(answer.body).toEqual({ errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      expect(answer.text).not.toMatch(/node_modules|at \w+ \(|<pre>|stack/i);
    });
  });
}
