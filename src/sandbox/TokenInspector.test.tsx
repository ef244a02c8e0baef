import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { signToken } from '../jwt';
import { sandboxStore } from './sandboxStore';
import { TokenInspector } from './TokenInspector';

const SECRET = 'demo-secret';

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

  it('opens a token sent by the request simulator', async () => {
    await renderInspector();
    const other = await signToken({ sub: 'bob' }, SECRET);
    sandboxStore.getState().openInInspector(other);
    await waitFor(() => expect(screen.getByLabelText('Encoded token')).toHaveValue(other));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Valid: signature matches'));
  });
});
