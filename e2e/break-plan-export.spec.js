// The break plan as a calendar file (#23): three breaks planned by keyboard, the file downloaded
// from "Your data" and read line by line: one weekly event per break at its time in the
// browser's zone (Berlin, a week before summer time ends), the zone's VTIMEZONE as the browser
// knows it, busy time, stable UIDs across downloads, a higher SEQUENCE and a cancelled event
// after a change, and nothing about clients although the demo data is loaded.
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';
import { text as read } from './support/download.js';

test.use({ timezoneId: 'Europe/Berlin', locale: 'en-GB' });

/** Downloads the plan from "Your data" and returns the file's text. */
async function downloadPlan(app) {
  await app.show('Your data');
  const file = await app.selfCare.downloadPlan();
  expect(file.suggestedFilename()).toBe('tend-break-plan.ics');
  return read(file);
}

/** The file's events, each a map from property name to `{ params, value }` (RFC 5545 §3.1). */
function events(text) {
  const lines = text.replace(/\r\n /g, '').split('\r\n');
  const found = [];
  let event = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') event = {};
    else if (line === 'END:VEVENT') { found.push(event); event = null; }
    else if (event) {
      const colon = line.indexOf(':');
      const [name, ...params] = line.slice(0, colon).split(';');
      event[name] = { params: params.join(';'), value: line.slice(colon + 1) };
    }
  }
  return found;
}

test('three planned breaks download as weekly busy events in the browser\'s zone', async ({ page }) => {
  // Monday 19 October 2026, 09:00 in Berlin; summer time ends on Sunday 25 October.
  await page.clock.install({ time: new Date('2026-10-19T07:00:00Z') });
  const app = new App(page);
  const { selfCare } = app;
  await app.open();
  await app.loadDemo();
  await app.show('Self-care');
  await selfCare.planBreak('Monday', '10:30', '15');
  await selfCare.planBreak('Wednesday', '12:30', '30', 'Meal break');
  await selfCare.planBreak('Friday', '16:00', '10', 'Exercise or other self-care');
  await expect(selfCare.planWeek).toHaveCount(3);

  const text = await downloadPlan(app);
  await expect(selfCare.planExportStatus).toHaveText(
    'Downloaded tend-break-plan.ics: 3 weekly breaks (plan version 3), times in Europe/Berlin.');

  // The file's form: CRLF only, no line over 75 octets, a calendar to publish.
  expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  expect(text).toContain('\r\nMETHOD:PUBLISH\r\n');
  // Berlin as the browser knows it: summer time from the last Sunday of March at 02:00 to the
  // last Sunday of October at 03:00, as yearly rules.
  const zone = text.slice(text.indexOf('BEGIN:VTIMEZONE'), text.indexOf('END:VTIMEZONE'));
  expect(zone.split('\r\n').filter(Boolean)).toEqual([
    'BEGIN:VTIMEZONE', 'TZID:Europe/Berlin',
    'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'DTSTART:20250330T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
    'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'DTSTART:20251026T030000',
    'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD',
  ]);

  const all = events(text);
  const weekly = all.filter((e) => e.RRULE);
  expect(weekly.map((e) => e.RRULE.value)).toEqual(['FREQ=WEEKLY;BYDAY=MO', 'FREQ=WEEKLY;BYDAY=WE', 'FREQ=WEEKLY;BYDAY=FR']);
  expect(weekly.map((e) => [e.DTSTART.params, e.DTSTART.value, e.DTEND.value])).toEqual([
    ['TZID=Europe/Berlin', '20261019T103000', '20261019T104500'],
    ['TZID=Europe/Berlin', '20261021T123000', '20261021T130000'],
    ['TZID=Europe/Berlin', '20261023T160000', '20261023T161000'],
  ]);
  expect(weekly.map((e) => e.SUMMARY.value)).toEqual(['Micro-break', 'Meal break', 'Exercise or other self-care']);
  for (const e of weekly) {
    expect(e.TRANSP.value).toBe('OPAQUE');
    expect(e.STATUS.value).toBe('CONFIRMED');
    expect(e.SEQUENCE.value).toBe('3');
    // When the file was made, in UTC (the page's clock runs on from 07:00).
    expect(e.DTSTAMP.value).toMatch(/^20261019T07[0-5]\d[0-5]\dZ$/);
  }
  const uids = weekly.map((e) => e.UID.value);
  expect(uids[0]).toMatch(/^tend-break-[0-9a-f]{16}-mo-1030$/);
  expect(new Set(uids).size).toBe(3);
  // Anything else is a whole day off ahead, never anything timed.
  for (const e of all.filter((e) => !e.RRULE)) expect(e.DTSTART.params).toBe('VALUE=DATE');

  // Nothing about clients, cases or organisations: only known properties and break kinds.
  const names = new Set(all.flatMap((e) => Object.keys(e)));
  const allowed = ['UID', 'DTSTAMP', 'SEQUENCE', 'DTSTART', 'DTEND', 'RRULE', 'SUMMARY', 'DESCRIPTION', 'TRANSP', 'STATUS'];
  expect([...names].filter((n) => !allowed.includes(n))).toEqual([]);
  const kinds = ['Micro-break', 'Meal break', 'Exercise or other self-care', 'Day off', 'Vacation'];
  expect(all.every((e) => kinds.includes(e.SUMMARY.value))).toBe(true);
  expect(text).not.toContain('Sample');

  // Downloading again gives the same events; removing the Friday break raises the SEQUENCE,
  // keeps the other UIDs and cancels the Friday event.
  expect(events(await downloadPlan(app)).filter((e) => e.RRULE).map((e) => e.UID.value)).toEqual(uids);
  await app.show('Self-care');
  await selfCare.removePlanned('Fri', '16:00').first().click();
  await expect(selfCare.planWeek).toHaveCount(2);
  const changed = events(await downloadPlan(app)).filter((e) => e.RRULE);
  expect(changed.map((e) => [e.UID.value, e.SEQUENCE.value, e.STATUS.value])).toEqual([
    [uids[0], '4', 'CONFIRMED'],
    [uids[1], '4', 'CONFIRMED'],
    [uids[2], '4', 'CANCELLED'],
  ]);
});
