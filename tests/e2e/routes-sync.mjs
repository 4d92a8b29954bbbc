/**
 * The organisation's policy server, for the sync tests: a host of its own (mapped to the fixture
 * server like the platforms, so nothing leaves the machine) serving whatever signed policy a test
 * puts there. Like a real one it answers with `Access-Control-Allow-Origin: *`, since the extension
 * holds no host permission for it; `withoutCors()` shows what happens when it does not.
 */

/** A reserved name (RFC 2606): it can never be a real server. */
export const POLICY_HOST = 'policy.vigie.test';
export const POLICY_PATH = '/acep/politique.signed.json';
export const POLICY_URL = `https://${POLICY_HOST}${POLICY_PATH}`;

/** Registers the policy route on `server` (at `path`) and returns the handle a test drives it with. */
export function policyServer(server, path = POLICY_PATH) {
  let body = '{}';
  let status = 200;
  let cors = true;
  const hits = [];
  server.route({
    host: POLICY_HOST,
    path,
    handler: (req, res) => {
      hits.push({ time: Date.now(), origin: req.headers.origin, cookie: req.headers.cookie });
      res.writeHead(status, {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Vigie-Fixture': 'inline/policy',
        ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}),
      });
      res.end(body);
      return 'inline/policy';
    },
  });
  return {
    url: `https://${POLICY_HOST}${path}`,
    hits,
    /** Serves a signed envelope (object) or any text from now on. */
    serve(document, { code = 200 } = {}) {
      body = typeof document === 'string' ? document : JSON.stringify(document);
      status = code;
      cors = true;
    },
    withoutCors() {
      cors = false;
    },
  };
}
