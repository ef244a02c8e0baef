import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyToken } from '../../src/jwt/index.ts';
import type { CompiledLesson, ExampleEmbed } from '../../src/lesson/types.ts';
import { compiledCourse } from '../support/compiledCourse.ts';
import { JWT_LESSON_SECTION_IDS } from '../support/jwtLesson.ts';
import { REFERENCE_PYTHON, referencePythonHas, runReferencePython, warnSkipped } from '../support/referencePython.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const lessonDir = path.join(root, 'lessons/jwt-auth');

let lesson: CompiledLesson;
let text: string;
let examples: ExampleEmbed[];

beforeAll(() => {
  const compiled = compiledCourse();
  expect(compiled.errors).toEqual([]);
  const found = compiled.lessons.get('jwt-auth');
  if (!found) throw new Error('lesson jwt-auth did not compile');
  lesson = found;
  const blocks = lesson.sections.flatMap((section) => section.blocks);
  examples = blocks.flatMap((block) => (block.type === 'embed' && block.embed.name === 'example' ? [block.embed] : []));
  text = blocks
    .map((block) => (block.type === 'html' ? block.html : 'code' in block.embed ? block.embed.code.source : ''))
    .join('\n')
    .replace(/<[^>]+>/g, '');
});

describe('the JWT lesson', () => {
  it('has every section of the brief, in order', () => {
    expect(lesson.sections.map((section) => section.id)).toEqual([...JWT_LESSON_SECTION_IDS]);
    expect(lesson.next?.title).toBe('Serialization with Marshmallow');
    expect(lesson.next?.available).toBe(false);
  });

  it('asks the quiz before the recap, and the recap claims no completion in its text', () => {
    const ids = lesson.sections.map((section) => section.id);
    expect(ids.indexOf('quiz')).toBeLessThan(ids.indexOf('recap'));
    expect(ids.at(-1)).toBe('recap');
    const recap = lesson.sections.find((section) => section.id === 'recap');
    expect(recap?.titleHtml).not.toMatch(/complete/i);
    const recapText = (recap?.blocks ?? [])
      .map((block) => (block.type === 'html' ? block.html.replace(/<[^>]+>/g, '') : ''))
      .join('\n');
    // Completion is said by the checklist, and only once it is earned.
    expect(recapText).not.toMatch(/lesson complete|well done|you (have )?completed/i);
    expect(recap?.blocks.some((block) => block.type === 'embed' && block.embed.name === 'lesson-checklist')).toBe(true);
  });

  it('is honest about the next lesson: not written yet, never "Up next"', () => {
    expect(text).not.toMatch(/up next/i);
    expect(text).toMatch(/Serialization with Marshmallow[^.]*is not written yet/);
  });

  it('covers token storage, revocation and iss/aud, each in its own section', () => {
    const section = (id: string) => {
      const found = lesson.sections.find((candidate) => candidate.id === id);
      if (!found) throw new Error(`no section #${id}`);
      return found.blocks.map((block) => (block.type === 'html' ? block.html.replace(/<[^>]+>/g, '') : '')).join('\n');
    };
    const storage = section('token-storage');
    for (const term of [
      'localStorage',
      'XSS',
      'HttpOnly',
      'CSRF',
      'double-submit',
      'JWT_TOKEN_LOCATION',
      'X-CSRF-TOKEN',
    ])
      expect(storage, term).toContain(term);
    const revocation = section('revocation');
    for (const term of ['refresh token', 'token_in_blocklist_loader', 'jti', 'Token has been revoked'])
      expect(revocation, term).toContain(term);
    const claims = section('issuer-audience');
    for (const term of ['iss', 'aud', 'audience=', 'issuer=', 'InvalidAudienceError', 'JWT_DECODE_AUDIENCE'])
      expect(claims, term).toContain(term);
  });

  it('has the three troubleshooting cases', () => {
    const troubleshooting = lesson.headings.filter((heading) => heading.level === 3).map((heading) => heading.id);
    expect(troubleshooting).toEqual(expect.arrayContaining(['missing-token', 'secret-changed', 'leaking-secrets']));
  });

  it('uses every term of the brief', () => {
    for (const term of [
      'JWT',
      'token',
      'claim',
      'header',
      'payload',
      'signature',
      'secret key',
      'HMAC',
      'HS256',
      'base64url',
      'Bearer',
      'Authorization',
      'protected route',
      'exp',
      'sub',
      'iat',
      'hmac.compare_digest',
      'create_access_token',
      'get_jwt_identity',
      '@jwt_required()',
      'stateless',
    ]) {
      expect(text, term).toContain(term);
    }
  });

  it('includes examples A, B and the Flask-JWT-Extended example from their files', () => {
    expect(examples.map((example) => example.src)).toEqual([
      'examples/build_and_verify.py',
      'examples/flask_login.py',
      'examples/flask_jwt_extended_app.py',
    ]);
    const [exampleA] = examples;
    expect(exampleA?.output.split('\n')[0]).toBe('True');
    expect(exampleA?.output).toContain('Invalid signature');
  });
});

describe('the sandbox embeds in the lesson', () => {
  it('opens the inspector on the token the anatomy section shows, signed with the secret it names', async () => {
    const embeds = lesson.sections
      .flatMap((section) => section.blocks)
      .flatMap((block) => (block.type === 'embed' ? [block.embed] : []));
    const inspector = embeds.find((embed) => embed.name === 'jwt-inspector');
    if (inspector?.name !== 'jwt-inspector') throw new Error('the lesson has no token inspector');
    expect(text).toContain(inspector.token);
    const { payload } = await verifyToken(inspector.token, inspector.secret, { clock: () => 1_700_000_000 });
    expect(payload).toEqual({ sub: 'alice', role: 'reader', iat: 1_700_000_000, exp: 1_700_000_900 });
    expect(
      embeds
        .filter((embed) => embed.name === 'request-simulator')
        .map((embed) => 'scenarios' in embed && embed.scenarios),
    ).toEqual(['flow', 'troubleshooting']);
  });
});

describe('every example prints what the lesson says it prints (real Python)', () => {
  const cases = [
    { src: 'examples/build_and_verify.py', modules: ['hmac'] },
    { src: 'examples/flask_login.py', modules: ['flask', 'jwt'] },
    { src: 'examples/flask_jwt_extended_app.py', modules: ['flask', 'jwt', 'flask_jwt_extended'] },
  ];
  for (const { src, modules } of cases) {
    const available = referencePythonHas(...modules);
    if (!available) {
      warnSkipped(
        `running ${src} with real Python`,
        `${REFERENCE_PYTHON} cannot import ${modules.join(', ')}` +
          (modules.includes('flask_jwt_extended')
            ? ' (Debian has no package for Flask-JWT-Extended).'
            : '; install them with: apt-get install -y python3-flask python3-jwt'),
      );
    }
    it.skipIf(!available)(src, () => {
      const example = examples.find((candidate) => candidate.src === src);
      expect(runReferencePython(path.join(lessonDir, src), lessonDir)).toBe(example?.output);
    });
  }
});

describe("Example B's login answers 400 to any body that is not a JSON object (real Flask)", () => {
  // The comment in the example says so; Flask answers such bodies differently by version
  // (415 or 400 for another Content-Type, 400 for broken JSON, a crash on null), so the
  // example must catch them all itself.
  const available = referencePythonHas('flask', 'jwt');
  if (!available) warnSkipped("Example B's login with real Flask", `${REFERENCE_PYTHON} cannot import flask and jwt`);
  it.skipIf(!available)('form data, broken JSON, null, a list, a string', () => {
    const probe = `
import contextlib, io, runpy
with contextlib.redirect_stdout(io.StringIO()):
    client = runpy.run_path("examples/flask_login.py")["client"]
bodies = [("username=alice", "application/x-www-form-urlencoded"), ("{bad", "application/json"),
          ("null", "application/json"), ("[1]", "application/json"), ('"alice"', "application/json")]
for body, kind in bodies:
    response = client.post("/login", data=body, content_type=kind)
    print(response.status_code, response.get_json()["msg"])
`;
    const printed = execFileSync(REFERENCE_PYTHON, ['-c', probe], {
      cwd: lessonDir,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(printed.trim().split('\n')).toEqual(Array(5).fill('400 Send a JSON object with username and password'));
  });
});

describe('every "`X` encodes to `Y`" statement in the lesson is true, computed', () => {
  const markdown = readFileSync(path.join(lessonDir, 'lesson.md'), 'utf8');
  const statements = [...markdown.matchAll(/`([^`]+)`(?: on its own)?,? encodes to `([^`]+)`/g)].map(
    ([, text, encoded]) => [text ?? '', encoded ?? ''] as const,
  );

  it('finds the statements (the header, `{"` alone, and `{"` with a letter)', () => {
    expect(statements.map(([text]) => text)).toEqual(
      expect.arrayContaining(['{"alg":"HS256","typ":"JWT"}', '{"', '{"a']),
    );
  });

  it.each(statements)('`%s` encodes to `%s` in unpadded base64url', (text, encoded) => {
    expect(Buffer.from(text, 'utf8').toString('base64url')).toBe(encoded);
  });

  it('explains the eyJ prefix truthfully: {" alone is eyI, with a following letter eyJ', () => {
    expect(Buffer.from('{"').toString('base64url')).toBe('eyI');
    expect(markdown).not.toMatch(/`eyJ`: that is how `\{"` looks/);
  });
});

describe('what the iss/aud section says PyJWT does (real PyJWT)', () => {
  const available = referencePythonHas('jwt');
  if (!available) warnSkipped('the iss/aud claims with real PyJWT', `${REFERENCE_PYTHON} cannot import jwt`);
  it.skipIf(!available)('rejects as the lesson says, always with an InvalidTokenError', () => {
    const probe = `
import jwt
key = "k" * 32
def outcome(claims, **expected):
    token = jwt.encode(claims, key, algorithm="HS256")
    try:
        jwt.decode(token, key, algorithms=["HS256"], **expected)
        return "accepted"
    except jwt.InvalidTokenError as error:
        return type(error).__name__
both = {"sub": "alice", "aud": "orders-api", "iss": "https://auth.example.com"}
print(outcome(both, audience="orders-api", issuer="https://auth.example.com"))
print(outcome(both, audience="billing-api"))
print(outcome(both, audience="orders-api", issuer="https://other.example.com"))
print(outcome({"sub": "alice"}, audience="orders-api"))
print(outcome({"sub": "alice", "aud": "orders-api"}))
print(outcome({"sub": "alice", "iss": "https://other.example.com"}))
`;
    const printed = execFileSync(REFERENCE_PYTHON, ['-c', probe], { encoding: 'utf8', timeout: 30_000 });
    expect(printed.trim().split('\n')).toEqual([
      'accepted',
      'InvalidAudienceError',
      'InvalidIssuerError',
      'MissingRequiredClaimError',
      // A token with aud is refused when no audience is expected...
      'InvalidAudienceError',
      // ...but iss is only checked when an issuer is given.
      'accepted',
    ]);
  });
});
