// The JWT lesson's request simulator: its demo API and the scenarios its two embeds show
// (`::request-simulator{src="simulator/scenarios.ts" scenarios="flow"}`). The page loads
// this module, and the API with it, only when the learner first uses a simulator.
import type { DraftRequest } from '../../../src/sandbox/httpText.ts';
import { bearerRequest, defineSimulator, type Scenario } from '../../../src/sandbox/simulatorSession.ts';
import { changeClaimWithoutResigning } from '../../../src/sandbox/tamper.ts';
import { createDemoApi, DEMO_SECRET_KEY } from './demoApi.ts';

export const LOGIN: DraftRequest = {
  method: 'POST',
  path: '/login',
  headersText: 'Content-Type: application/json',
  body: '{"username": "alice", "password": "wonderland"}',
};

const SCENARIOS: readonly Scenario[] = [
  {
    id: 'login',
    label: '1. Log in as alice',
    sets: ['flow'],
    start: 'inherit',
    run: async (session) => {
      await session.send(LOGIN, "Send alice's username and password as JSON to POST /login.");
    },
  },
  {
    id: 'protected',
    label: '2. Call /protected with the token',
    sets: ['flow'],
    start: 'inherit',
    run: async (session) => {
      const token = await session.ensureToken();
      await session.send(bearerRequest(token), 'Send the token in the Authorization header, after the word Bearer.');
    },
  },
  {
    id: 'no-header',
    label: 'No Authorization header',
    sets: ['flow', 'troubleshooting'],
    start: 'inherit',
    run: async (session) => {
      await session.send(
        { method: 'GET', path: '/protected', headersText: '', body: '' },
        'Call GET /protected without any Authorization header.',
      );
    },
  },
  {
    id: 'wrong-type',
    label: 'Wrong header type',
    sets: ['troubleshooting'],
    start: 'fresh',
    run: async (session) => {
      const token = await session.ensureToken();
      await session.send(
        { method: 'GET', path: '/protected', headersText: `Authorization: Token ${token}`, body: '' },
        'Send the token after the word "Token" instead of "Bearer".',
      );
    },
  },
  {
    id: 'tampered',
    label: 'Tampered token',
    sets: ['troubleshooting'],
    start: 'fresh',
    run: async (session) => {
      const token = await session.ensureToken();
      await session.send(
        bearerRequest(changeClaimWithoutResigning(token, 'sub', 'admin')),
        'Change the payload\'s sub from "alice" to "admin", keeping the old signature, and send it.',
      );
    },
  },
  {
    id: 'rotated',
    label: 'Secret rotated on the server',
    sets: ['troubleshooting'],
    start: 'fresh',
    run: async (session) => {
      const token = await session.ensureToken();
      session.rotateSecret();
      await session.send(
        bearerRequest(token),
        "Rotate the server's secret key (as a redeploy with a new random key would), then send the token issued before.",
      );
    },
  },
  {
    id: 'expired',
    label: 'Expired token (server clock +16 min)',
    sets: ['troubleshooting'],
    start: 'fresh',
    run: async (session) => {
      const token = await session.ensureToken();
      session.moveClock(16 * 60);
      await session.send(bearerRequest(token), "Move the server's clock 16 minutes ahead, then send the token.");
    },
  },
  {
    id: 'leaky',
    label: 'Password in the payload',
    sets: ['troubleshooting'],
    start: 'fresh',
    run: async (session) => {
      await session.send(
        { ...LOGIN, path: '/login-leaky' },
        'Log in through /login-leaky, which puts the password into the token. The payload is only base64url-encoded: anyone holding the token can read it. Never put secrets in a JWT.',
      );
    },
  },
];

export default defineSimulator({
  title: 'Request simulator: the demo API',
  description:
    'A Flask-JWT-Extended API simulated in your browser: `POST /login`, `GET /protected`, `GET /me`. Users: alice / wonderland, bob / builder. No request leaves this page.',
  secretKey: DEMO_SECRET_KEY,
  login: LOGIN,
  publicPaths: ['/login', '/login-leaky'],
  sets: {
    flow: { legend: 'Walk the flow' },
    troubleshooting: {
      legend: 'Reproduce a problem',
      hint: 'Each one starts from a fresh server (clock now, original secret, new login).',
    },
  },
  scenarios: SCENARIOS,
  createApi: (options) => createDemoApi(options),
});
