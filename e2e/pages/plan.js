// The break plan's form, shared by the journeys that plan breaks (reminders and the calendar
// file): picks the weekday, the time and the length, and adds the break by keyboard.

/** Plans a break every `day` at `time` ("10:30") for `length` ("15"), of `kind` if given. */
export async function planBreak(page, day, time, length, kind) {
  const form = page.getByTestId('plan-form');
  await form.getByLabel('Every').selectOption({ label: day });
  await form.getByLabel('At').fill(time);
  await form.getByLabel('For').fill(length);
  if (kind) await form.getByLabel('Kind').selectOption({ label: kind });
  await form.getByRole('button', { name: 'Add to plan' }).press('Enter');
}
