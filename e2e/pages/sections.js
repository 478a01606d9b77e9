// Helpers shared by the accessibility, layout and screenshot journeys. Sections are read from the
// navigation at run time, so a section added later is covered without editing the journeys.
import { expect } from '../support/guard.js';

/** Every section the navigation links to: `{ name, slug }`, in the order listed. */
export async function sections(page) {
  const links = page.getByRole('navigation', { name: 'Sections' }).getByRole('link');
  await expect(links.first()).toBeVisible();
  const found = [];
  for (const link of await links.all()) {
    const name = (await link.textContent()).trim();
    const slug = (await link.getAttribute('href')).replace(/^#/, '');
    found.push({ name, slug });
  }
  expect(found.length, 'the navigation lists sections').toBeGreaterThan(1);
  return found;
}

/** Opens the app on its first section and waits until it is ready. */
export async function openApp(page) {
  await page.goto('/');
  // index.html's static first screen has the same navigation; wait until the app has replaced it.
  await expect(page.locator('#shell')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
}

/** Opens a section through its navigation link and waits for its first heading. */
export async function showSection(page, section) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: section.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#${section.slug}$`));
  await expect(page.locator('main h2').first()).toBeVisible();
}

/** Loads the demo data from the welcome on Today. */
export async function loadDemo(page) {
  await page.getByRole('button', { name: 'Try it with demo data' }).click();
  await expect(page.getByTestId('demo-banner')).toBeVisible();
}
