import { course } from 'virtual:course';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { JWT_LESSON_SECTION_IDS } from '../../tests/support/jwtLesson';
import { loadLesson } from '../lesson/loadLesson';
import { progressStore } from '../progress';
import { insideSleepingIsland } from '../ui/Island';
import { App } from './App';
import { THEME_STORAGE_KEY } from './theme';

async function renderAt(path: string) {
  const location = memoryLocation({ path, record: true });
  const view = render(
    <Router hook={location.hook}>
      <App course={course} />
    </Router>,
  );
  await act(() => loadLesson('jwt-auth'));
  return { ...view, location };
}

// The app's progress store lives as long as the module: each test starts from a fresh one.
beforeEach(() => {
  progressStore.setState(progressStore.getInitialState(), true);
});

describe('App', () => {
  it('renders the lesson with its title, every section and the next lesson as coming soon', async () => {
    await renderAt('/lessons/jwt-auth');
    expect(await screen.findByRole('heading', { level: 1, name: 'API Authentication with JWT' })).toBeInTheDocument();
    const sections = screen
      .getAllByRole('heading', { level: 2 })
      .map((heading) => heading.id)
      .filter((id) => id !== '' && id !== 'course-outline-title');
    expect(sections).toEqual([...JWT_LESSON_SECTION_IDS]);
    const pager = screen.getByRole('navigation', { name: 'Previous and next lessons' });
    // Not written yet: named as coming soon, never offered as "Up next" or as a link.
    expect(pager).toHaveTextContent('Next lesson, coming soonSerialization with Marshmallow');
    expect(pager).toHaveTextContent('This lesson is not written yet');
    expect(pager).not.toHaveTextContent('Up next');
    expect(within(pager).queryByRole('link')).toBeNull();
  });

  it('renders its islands live, so the page looks after the boxes inside them', async () => {
    const { container } = await renderAt('/lessons/jwt-auth');
    await screen.findByRole('heading', { level: 1, name: 'API Authentication with JWT' });
    const islands = [...container.querySelectorAll('[data-island]')];
    expect(islands.length).toBeGreaterThan(0);
    expect(islands.filter((island) => !island.hasAttribute('data-island-live'))).toEqual([]);
    const box = container.querySelector('[data-island^="embed-"] pre');
    expect(box && insideSleepingIsland(box)).toBe(false);
  });

  it('shows each example with its code file and its output', async () => {
    await renderAt('/lessons/jwt-auth');
    const example = await screen.findByRole('figure', { name: 'Example A: build and verify a JWT by hand' });
    expect(within(example).getByText('build_and_verify.py')).toBeInTheDocument();
    expect(within(example).getByText('Output (what the lesson expects)')).toBeInTheDocument();
    expect(within(example).getByRole('button', { name: 'Run' })).toBeEnabled();
    expect(example.querySelector('pre.output')?.textContent?.split('\n')[0]).toBe('True');
    expect(within(example).getByRole('button', { name: 'Copy build_and_verify.py' })).toBeInTheDocument();
  });

  it('lists the course in the outline with the current lesson marked and the next one upcoming', async () => {
    await renderAt('/lessons/jwt-auth');
    const outline = screen.getByRole('navigation', { name: 'Lessons' });
    const current = within(outline).getByRole('link', { current: 'page' });
    expect(current).toHaveTextContent('API Authentication with JWT');
    expect(current).toHaveTextContent('In progress');
    expect(within(outline).getByText(/Serialization with Marshmallow/)).toHaveTextContent('Upcoming');
  });

  it('gives / the lesson address', async () => {
    const { location } = await renderAt('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'API Authentication with JWT' })).toBeInTheDocument();
    expect(location.history?.at(-1)).toBe('/lessons/jwt-auth');
  });

  it('shows a 404 page with a way back for an unknown lesson', async () => {
    await renderAt('/lessons/no-such-lesson');
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByText('/lessons/no-such-lesson')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the first lesson' })).toHaveAttribute('href', '/lessons/jwt-auth');
  });

  it('says an upcoming lesson is coming soon', async () => {
    await renderAt('/lessons/marshmallow');
    expect(
      screen.getByRole('heading', { level: 1, name: 'Serialization with Marshmallow is coming soon' }),
    ).toBeInTheDocument();
  });

  it('toggles the theme and remembers the choice', async () => {
    const user = userEvent.setup();
    await renderAt('/lessons/jwt-auth');
    const toggle = screen.getByRole('button', { name: 'Dark theme' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    await user.click(toggle);
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('opens and closes the course menu by button and Escape, returning focus', async () => {
    const user = userEvent.setup();
    await renderAt('/lessons/jwt-auth');
    const menu = screen.getByRole('button', { name: 'Lessons' });
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    await user.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    expect(document.getElementById('course-sidebar')).toHaveClass('open');
    await user.keyboard('{Escape}');
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveFocus();
  });

  it('folds the contents list behind a button for narrow screens', async () => {
    const user = userEvent.setup();
    await renderAt('/lessons/jwt-auth');
    const contents = screen.getByRole('navigation', { name: 'On this page' });
    const toggle = within(contents).getByRole('button', { name: 'On this page' });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const links = within(contents).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toContain('#missing-token');
    await user.click(within(contents).getByRole('link', { name: 'Troubleshooting' }));
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });
});
