import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CountdownTag } from './countdown-tag';

function tagOf(daysLeft: number): HTMLElement {
  render(<CountdownTag daysLeft={daysLeft} />);
  return screen.getByTestId('countdown');
}

describe(CountdownTag.name, () => {
  it.each([
    [8, '剩 8 天', 'blue'],
    [4, '剩 4 天', 'orange'],
    [3, '剩 3 天', 'red'],
    [0, '今天到期', 'red'],
    [-2, '逾期 2 天', 'red'],
  ])('shows %i days left as “%s”, %s', (daysLeft, text, color) => {
    const tag = tagOf(daysLeft);
    expect(tag.textContent).toBe(text);
    expect(tag.className).toContain(`ant-tag-${color}`);
  });
});
