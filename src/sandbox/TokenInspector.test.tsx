import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signToken } from '../jwt';
import { sandboxStore } from './sandboxStore';
import { TokenInspector } from './TokenInspector';

const SECRET = 'demo-secret';

// The sandbox's store lives as long as the module: each test starts from a fresh one.
beforeEach(() => {
  sandboxStore.setState(sandboxStore.getInitialState(), true);
});
afterEach(() => {
  vi.useRealTimers();
});

async function renderInspector() {
  const now = Math.floor(Date.now() / 1000);
  const token = await signToken({ sub: 'alice', role: 'reader', iat: now - 10, exp: now - 5 }, SECRET);
  render(<TokenInspector id="inspector" token={token} secret={SECRET} />);
  const verdict = screen.getByRole('status');
  return { token, verdict, user: userEvent.setup() };
}

describe('TokenInspector', () => {
  it('decodes the token and gives a verdict naming the failed check', async () => {
    const { verdict } = await renderInspector();
    await waitFor(() => expect(verdict).toHaveTextContent(/Rejected: expired \d+ s ago/));
    expect(verdict).toHaveTextContent('jwt.exceptions.ExpiredSignatureError: Signature has expired');
    expect((screen.getByLabelText('Decoded payload (JSON, editable)') as HTMLTextAreaElement).value).toContain(
      '"role": "reader"',
    );
    expect(screen.getByRole('list', { name: "The token's three parts" }).children).toHaveLength(3);
  });

  it('re-signs only when asked, then each tamper action is caught', async () => {
    // The clock stands still, so "15 min" is exact however long the click takes on a busy machine.
    vi.useFakeTimers({ toFake: ['Date'] });
    const { verdict, user } = await renderInspector();
    await user.click(screen.getByRole('button', { name: 'Fresh times (exp +15 min) and sign' }));
    await waitFor(() => expect(verdict).toHaveTextContent(/Valid: signature matches, expires in 15 min/));
    await user.click(screen.getByRole('button', { name: 'Make me admin (no re-sign)' }));
    await waitFor(() => expect(verdict).toHaveTextContent('Rejected: signature does not match'));
    expect((screen.getByLabelText('Decoded payload (JSON, editable)') as HTMLTextAreaElement).value).toContain(
      '"admin"',
    );
    await user.click(screen.getByRole('button', { name: 'Sign with this secret' }));
    await waitFor(() => expect(verdict).toHaveTextContent('Valid'));
    await user.click(screen.getByRole('button', { name: 'Switch alg to none' }));
    await waitFor(() => expect(verdict).toHaveTextContent('alg "none" is always refused'));
  });

  it('cuts a pasted 10 MB token to 64 KB, says so, and inspects only what it kept', async () => {
    const { token, verdict } = await renderInspector();
    const field = screen.getByLabelText('Encoded token') as HTMLTextAreaElement;
    const huge = `${token}${'A'.repeat(10 * 1024 * 1024)}`;
    fireEvent.change(field, { target: { value: huge } });
    expect(field.value).toHaveLength(65_536);
    expect(field.value).toBe(huge.slice(0, 65_536));
    expect(
      screen.getByText(
        /That token was 10,485,\d{3} characters\. The inspector takes at most 64 KB \(65,536 characters\): it kept the first 65,536 and inspects nothing past them\./,
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(verdict).toHaveTextContent('Rejected: signature does not match'));
    expect(document.querySelector('.token-highlight')).toBeNull();
  });

  it('keeps the old signature when the JSON is edited, and says when the JSON is broken', async () => {
    const { verdict, user } = await renderInspector();
    await user.click(screen.getByRole('button', { name: 'Fresh times (exp +15 min) and sign' }));
    await waitFor(() => expect(verdict).toHaveTextContent('Valid'));
    const payload = screen.getByLabelText('Decoded payload (JSON, editable)');
    fireEvent.change(payload, { target: { value: '{"sub": "mallory"}' } });
    await waitFor(() => expect(verdict).toHaveTextContent('signature does not match'));
    fireEvent.change(payload, { target: { value: '{"sub": ' } });
    expect(await screen.findByText(/JSON/, { selector: '.field-problem' })).toBeInTheDocument();
    expect(payload).toHaveAttribute('aria-invalid', 'true');
  });

  it('judges anything pasted without throwing', async () => {
    const { verdict } = await renderInspector();
    const field = screen.getByLabelText('Encoded token');
    for (const [text, expected] of [
      ['', 'empty: paste a token'],
      ['a.b', 'malformed: 2 parts'],
      ['x'.repeat(100_000), 'malformed: 1 part'],
      ['🙂.🙂.🙂', 'header is not valid base64url'],
    ] as const) {
      fireEvent.change(field, { target: { value: text } });
      await waitFor(() => expect(verdict).toHaveTextContent(expected));
    }
  });

  it('opens a token sent by the request simulator with its secret, and goes back', async () => {
    const { user } = await renderInspector();
    const serverSecret = 'the-simulated-server-secret-key-is-long-enough';
    const other = await signToken({ sub: 'bob' }, serverSecret);
    let wentBack = 0;
    sandboxStore.getState().openInInspector({
      token: other,
      secret: serverSecret,
      secretOwner: "the demo server's secret key",
      back: { label: 'Back to the simulator', go: () => wentBack++ },
    });
    await waitFor(() => expect(screen.getByLabelText('Encoded token')).toHaveValue(other));
    expect(screen.getByLabelText('Secret key')).toHaveValue(serverSecret);
    expect(screen.getByLabelText('Secret key')).toHaveAccessibleDescription(/demo server's secret key/);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Valid: signature matches'));
    await user.click(screen.getByRole('button', { name: '← Back to the simulator' }));
    expect(wentBack).toBe(1);
    // Editing the secret makes the label untrue: it goes.
    await user.type(screen.getByLabelText('Secret key'), 'x');
    expect(screen.queryByText(/demo server's secret key/)).toBeNull();
  });

  it('resets token, secret and notes; clears action notes on edits; strips Bearer; warns on weak keys', async () => {
    const { token, verdict, user } = await renderInspector();
    const field = screen.getByLabelText('Encoded token');
    const secretField = screen.getByLabelText('Secret key');
    expect(secretField).toHaveAccessibleDescription(/Weak key: 11 bytes, below the 32 bytes HS256 needs/);
    await user.click(screen.getByRole('button', { name: 'Fresh times (exp +15 min) and sign' }));
    await waitFor(() => expect(screen.getByText(/Made a fresh token/)).toBeInTheDocument());
    fireEvent.change(field, { target: { value: 'junk' } });
    expect(screen.queryByText(/Made a fresh token/)).toBeNull();
    fireEvent.change(field, { target: { value: `  BEARER   ${token}  ` } });
    expect(field).toHaveValue(token);
    expect(screen.getByText(/Removed "BEARER" from the start/)).toBeInTheDocument();
    fireEvent.change(secretField, { target: { value: 'x'.repeat(40) } });
    expect(secretField).not.toHaveAccessibleDescription(/Weak key/);
    await waitFor(() => expect(verdict).toHaveTextContent('signature does not match'));
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(field).toHaveValue(token);
    expect(secretField).toHaveValue(SECRET);
    expect(screen.getByText("Back to the lesson's original token and secret key.")).toBeInTheDocument();
    await waitFor(() => expect(verdict).toHaveTextContent(/expired/));
  });

  it('explains every claim in the payload, by name', async () => {
    await renderInspector();
    await waitFor(() => expect(screen.getByRole('button', { name: 'exp' })).toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'exp' })).toHaveAccessibleDescription(/expiration time \(RFC 7519\)/);
    expect(screen.getByRole('button', { name: 'role' })).toHaveAccessibleDescription(/Not a registered claim/);
  });
});
