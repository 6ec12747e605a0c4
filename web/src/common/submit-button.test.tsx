import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Form } from 'antd';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { SubmitButton } from './submit-button';

function deferred() {
  let reject: (reason: unknown) => void = () => undefined;
  const promise = new Promise<void>((_, rejectWith) => {
    reject = rejectWith;
  });
  return { promise, reject };
}

/** A form that keeps its own submitting state, as the console's forms do. */
function RefusedForm({ send }: { send: () => Promise<void> }) {
  const [submitting, setSubmitting] = useState(false);
  const submit = async () => {
    setSubmitting(true);
    try {
      await send();
    } catch {
      // The form under test shows nothing of a refusal; only the button matters here.
    } finally {
      setSubmitting(false);
    }
  };
  return (
    <Form onFinish={() => void submit()}>
      <SubmitButton submitting={submitting}>登记</SubmitButton>
    </Form>
  );
}

const spinnerIn = (button: HTMLElement) => within(button).queryByRole('img', { name: 'loading' });

describe(SubmitButton.name, () => {
  it('spins and takes no second click while the request is in flight', async () => {
    const user = userEvent.setup();
    const request = deferred();
    const send = vi.fn(() => request.promise);
    render(<RefusedForm send={send} />);
    const button = screen.getByRole<HTMLButtonElement>('button');

    await user.click(button);
    await waitFor(() => expect(button).toHaveProperty('disabled', true));
    expect(spinnerIn(button)).not.toBeNull();
    await user.click(button);
    expect(send).toHaveBeenCalledTimes(1);
    request.reject(new Error('refused'));
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
  });

  // A refusal that rejects before the spinner is first drawn left antd's `loading` button clean; one that comes back
  // while the spinner shows left the spinner behind, so this refusal waits for it.
  it('is back to its plain, clickable self as soon as a refusal comes back', async () => {
    const user = userEvent.setup();
    const first = deferred();
    const send = vi.fn(() => first.promise);
    render(<RefusedForm send={send} />);
    const button = screen.getByRole<HTMLButtonElement>('button');

    await user.click(button);
    await waitFor(() => expect(spinnerIn(button)).not.toBeNull());
    first.reject(new Error('refused'));
    await waitFor(() => expect(button).toHaveProperty('disabled', false));

    expect(spinnerIn(button)).toBeNull();
    expect(screen.getByRole('button', { name: '登 记' })).toBe(button);
    send.mockImplementation(() => Promise.reject(new Error('refused again')));
    await user.click(button);
    expect(send).toHaveBeenCalledTimes(2);
  });
});
