// Downloads, shared by every journey that saves a file from Tend: start one with a click, and read
// what arrived as bytes or as text.

/** Clicks `trigger` and returns the download it starts. */
export async function download(page, trigger) {
  const started = page.waitForEvent('download');
  await trigger.click();
  return started;
}

/** The downloaded file's bytes. */
export const bytes = async (file) => Buffer.concat(await (await file.createReadStream()).toArray());

/** The downloaded file's text (UTF-8). */
export const text = async (file) => (await bytes(file)).toString('utf8');
