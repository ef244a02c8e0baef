import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import jwtSimulator from '../../lessons/jwt-auth/simulator/scenarios.ts';
import { RequestSimulator } from './RequestSimulator';
import { type SimulatorView, simulatorView } from './simulatorSession';

/** The JWT lesson's simulator, as its embed shows it with `scenarios="<set>"`. */
function Simulator({ set }: { set: string }) {
  const view = simulatorView(jwtSimulator, set) as SimulatorView;
  return <RequestSimulator id="sim" view={view} loadSimulator={async () => jwtSimulator} />;
}

/** The exchanges of the newest run, shown right under the buttons. */
const exchanges = () => [...document.querySelectorAll('.latest-reply .exchange')];
const lastStatus = () => exchanges().at(-1)?.querySelector('.response-status')?.textContent;

describe('RequestSimulator', () => {
  it('walks the flow: login, then the protected route with the Bearer token', async () => {
    const user = userEvent.setup();
    render(<Simulator set="flow" />);
    expect(screen.getByText(/No requests yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '1. Log in as alice' }));
    await waitFor(() => expect(lastStatus()).toBe('200 OK'));
    await user.click(screen.getByRole('button', { name: '2. Call /protected with the token' }));
    // The login's 200 is still shown until the second reply replaces it: wait for that reply.
    await waitFor(() => {
      expect(screen.getByRole('heading', { name: 'Latest: 2. Call /protected with the token' })).toBeInTheDocument();
      expect(lastStatus()).toBe('200 OK');
    });
    expect(exchanges()).toHaveLength(1);
    expect(exchanges().at(-1)?.querySelector('.arrow-response')?.textContent).toContain('"message":"Hello, alice!"');
    const earlier = screen.getByRole('list', { name: 'Earlier requests, newest first' });
    expect(earlier.children).toHaveLength(1);
    expect(earlier.textContent).toContain('1. Log in as alice → 200 OK');
    expect(screen.queryByRole('button', { name: 'Wrong header type' })).toBeNull();
  });

  it('announces each response and shows the troubleshooting cases', async () => {
    const user = userEvent.setup();
    render(<Simulator set="troubleshooting" />);
    await user.click(screen.getByRole('button', { name: 'Secret rotated on the server' }));
    await waitFor(() => expect(lastStatus()).toBe('422 UNPROCESSABLE ENTITY'));
    expect(
      screen.getByText(/^Secret rotated on the server: GET \/protected answered 422 UNPROCESSABLE ENTITY\. 422: /),
    ).toBeInTheDocument();
    expect(screen.getByText(/rotated 1×/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Expired token (server clock +16 min)' }));
    await waitFor(() => expect(lastStatus()).toBe('401 UNAUTHORIZED'));
    expect(exchanges().at(-1)?.querySelector('.exchange-note')?.textContent).toMatch(/^401: the token's exp claim/);
    expect(screen.getByText(/the original one/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reset everything' }));
    expect(screen.getByText(/the original one/)).toBeInTheDocument();
    expect(exchanges()).toHaveLength(0);
  });

  it('sends whatever the learner types without throwing', async () => {
    const user = userEvent.setup();
    render(<Simulator set="flow" />);
    await user.selectOptions(screen.getByLabelText('Method'), 'PATCH');
    await user.clear(screen.getByLabelText('Path'));
    await user.type(screen.getByLabelText('Path'), '/%%%/..//?a=b&&');
    await user.clear(screen.getByLabelText('Headers (one "Name: value" per line)'));
    await user.type(screen.getByLabelText('Headers (one "Name: value" per line)'), 'no colon here');
    expect(screen.getByText(/is not "Name: value"; it was not sent/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(lastStatus()).toBe('404 NOT FOUND'));
  });

  it('cuts a pasted 10 MB body to 64 KB and says so', async () => {
    render(<Simulator set="flow" />);
    const body = screen.getByLabelText('Body') as HTMLTextAreaElement;
    fireEvent.change(body, { target: { value: 'x'.repeat(10 * 1024 * 1024) } });
    expect(body.value).toHaveLength(65_536);
    expect(
      screen.getByText(
        'The body you entered was 10,485,760 characters. The simulator takes at most 64 KB (65,536 characters) of body: it kept the first 65,536 and dropped the rest.',
      ),
    ).toBeInTheDocument();
    fireEvent.change(body, { target: { value: '{}' } });
    expect(screen.queryByText(/The body you entered was/)).toBeNull();
  });
});
