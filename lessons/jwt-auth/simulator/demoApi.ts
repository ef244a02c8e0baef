// The JWT lesson's demo API, run in the page by the Flask-style simulator (src/flask-sim).
import {
  createApp,
  createJwtManager,
  type FlaskSimApp,
  type JwtManager,
  jwtRequired,
  PythonException,
  pythonTypeName,
  type RouteContext,
  type TestClient,
} from '../../../src/flask-sim/index.ts';
import type { Clock } from '../../../src/jwt/index.ts';

/** The fallback key of the lesson's example (`flask_jwt_extended_app.py`), for demos only. */
export const DEMO_SECRET_KEY = 'dev-only-secret-change-me-in-production';

/** The lesson's users. Roles live on the server, which is where `/me` reads them from. */
export const DEMO_USERS = {
  alice: { password: 'wonderland', role: 'reader' },
  bob: { password: 'builder', role: 'editor' },
} as const;

export type DemoUserName = keyof typeof DEMO_USERS;

/** The demo's routes, for a lesson to list. */
export const DEMO_API_ROUTES = [
  { method: 'POST', path: '/login', summary: 'Checks {"username", "password"} and answers {"access_token": ...}' },
  {
    method: 'POST',
    path: '/login-leaky',
    summary: 'ANTI-PATTERN: like /login, but the token carries the password in a "password" claim',
  },
  { method: 'GET', path: '/protected', summary: 'Needs a Bearer token; greets the caller' },
  {
    method: 'GET',
    path: '/me',
    summary: "Needs a Bearer token; the caller's username and role, looked up on the server",
  },
] as const;

export interface DemoApiOptions {
  /** `JWT_SECRET_KEY`; the lesson's demo fallback when omitted. */
  secretKey?: string;
  clock?: Clock;
  randomUUID?: () => string;
}

export interface DemoApi {
  app: FlaskSimApp;
  manager: JwtManager;
  client: TestClient;
}

const BAD_CREDENTIALS = { msg: 'Bad username or password' } as const;

/**
 * The lesson's Flask-JWT-Extended API (examples/flask_jwt_extended_app.py),
 * plus `/me` and the `/login-leaky` anti-pattern for the troubleshooting
 * section. `/login` reads its body with a plain `request.get_json()` (the
 * example file uses `silent=True` and answers 400 itself; the simulator keeps
 * Flask's own answers for learners to see): invalid JSON gets Flask's 400, a
 * body without a JSON Content-Type 415, and a JSON body that is not an object
 * fails as such Python code does (500, AttributeError on `.get`).
 *
 * @example
 * const { client } = createDemoApi({ clock: () => 1_700_000_000 });
 * const login = await client.post('/login', { json: { username: 'alice', password: 'wonderland' } });
 */
export function createDemoApi(options: DemoApiOptions = {}): DemoApi {
  const app = createApp();
  const manager = createJwtManager({
    secretKey: options.secretKey ?? DEMO_SECRET_KEY,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.randomUUID ? { randomUUID: options.randomUUID } : {}),
    app,
  });

  app.post('/login', async function login({ request }) {
    const { username, password } = readCredentials(request);
    if (!checkPassword(username, password)) return [BAD_CREDENTIALS, 401];
    return { access_token: await manager.createAccessToken(username) };
  });

  // The anti-pattern of "Secrets leaking through the payload": anyone holding
  // the token can base64-decode the password out of it.
  app.post('/login-leaky', async function loginLeaky({ request }) {
    const { username, password } = readCredentials(request);
    if (!checkPassword(username, password)) return [BAD_CREDENTIALS, 401];
    return { access_token: await manager.createAccessToken(username, { additionalClaims: { password } }) };
  });

  app.get(
    '/protected',
    jwtRequired(function protectedView({ jwt }) {
      const user = jwt?.identity;
      return { message: `Hello, ${String(user)}!`, user };
    }),
  );

  app.get(
    '/me',
    jwtRequired(function me({ jwt }) {
      const username = jwt?.identity;
      const user =
        typeof username === 'string' && Object.hasOwn(DEMO_USERS, username)
          ? DEMO_USERS[username as DemoUserName]
          : undefined;
      if (!user) return [{ msg: 'User not found' }, 404];
      return { username, role: user.role };
    }),
  );

  return { app, manager, client: app.testClient() };
}

/**
 * `data = request.get_json()`, then `data.get("username")`, `data.get("password")`:
 * a body that is not JSON is refused by Flask itself (400, or 415 without a JSON
 * Content-Type), and JSON that is not an object fails on `.get` (500).
 */
function readCredentials(request: RouteContext['request']): { username: unknown; password: unknown } {
  const data = request.json();
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new PythonException('AttributeError', `'${pythonTypeName(data)}' object has no attribute 'get'`);
  }
  const record = data as Record<string, unknown>;
  return {
    username: Object.hasOwn(record, 'username') ? record.username : null,
    password: Object.hasOwn(record, 'password') ? record.password : null,
  };
}

/** `username in USERS and USERS[username] == password`, with Python's TypeError for a list or dict username. */
function checkPassword(username: unknown, password: unknown): username is DemoUserName {
  if (typeof username === 'object' && username !== null) {
    throw new PythonException('TypeError', `unhashable type: '${pythonTypeName(username)}'`);
  }
  if (typeof username !== 'string' || !Object.hasOwn(DEMO_USERS, username)) return false;
  return DEMO_USERS[username as DemoUserName].password === password;
}
