import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RequestSimulator } from './RequestSimulator';

const exchanges = () => screen.queryAllByRole('listitem').filter((item) => item.classList.contains('exchange'));
const lastStatus = () => exchanges().at(-1)?.querySelector('.response-status')?.textContent;

describe('RequestSimulator', () => {
  it('walks the flow: login, then the protected route with the Bearer token', async () => {
    const user = userEvent.setup();
    render(<RequestSimulator id="sim" scenarios="flow" />);
    expect(screen.getByText(/No requests yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '1. Log in as alice' }));
    await waitFor(() => expect(lastStatus()).toBe('200 OK'));
    await user.click(screen.getByRole('button', { name: '2. Call /protected with the token' }));
    await waitFor(() => expect(lastStatus()).toBe('200 OK'));
    const list = screen.getByRole('list', { name: 'Requests and responses, in order' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(exchanges().at(-1)?.querySelector('.arrow-response')?.textContent).toContain('"message":"Hello, alice!"');
    expect(screen.queryByRole('button', { name: 'Wrong header type' })).toBeNull();
  });

  it('announces each response and shows the troubleshooting cases', async () => {
    const user = userEvent.setup();
    render(<RequestSimulator id="sim" scenarios="troubleshooting" />);
    await user.click(screen.getByRole('button', { name: 'Secret rotated on the server' }));
    await waitFor(() => expect(lastStatus()).toBe('422 UNPROCESSABLE ENTITY'));
    expect(screen.getByText('GET /protected: 422 UNPROCESSABLE ENTITY')).toBeInTheDocument();
    expect(screen.getByText(/rotated 1×/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reset everything' }));
    expect(screen.getByText(/the original one/)).toBeInTheDocument();
    expect(exchanges()).toHaveLength(0);
  });

  it('sends whatever the learner types without throwing', async () => {
    const user = userEvent.setup();
    render(<RequestSimulator id="sim" scenarios="flow" />);
    await user.selectOptions(screen.getByLabelText('Method'), 'PATCH');
    await user.clear(screen.getByLabelText('Path'));
    await user.type(screen.getByLabelText('Path'), '/%%%/..//?a=b&&');
    await user.clear(screen.getByLabelText('Headers (one "Name: value" per line)'));
    await user.type(screen.getByLabelText('Headers (one "Name: value" per line)'), 'no colon here');
    expect(screen.getByText(/is not "Name: value"; it was not sent/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(lastStatus()).toBe('404 NOT FOUND'));
  });
});
