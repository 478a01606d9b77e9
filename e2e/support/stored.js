// Reads Tend's stored layout (schema 4 and 5) in the page: the index head, its catalog, every current
// month chunk and the recent chunk, so journeys can check what was written.

/** The stored state: `head`, `catalog`, `chunks` (month -> parsed chunk), `recent` (parsed or null),
 * `keys` (the live keys of the current state) and `rows` (work entry rows of every current month
 * chunk and of the recent chunk). */
export const storedState = (page) => page.evaluate(() => {
  const read = (key) => JSON.parse(localStorage.getItem(key));
  const head = read('tend.index');
  if (!head) return null;
  const catalog = head.catalog ? read(head.catalog[0]) : null;
  const chunks = {};
  for (const [month, ref] of Object.entries(catalog?.chunks ?? {})) chunks[month] = read(ref[0]);
  const recent = head.recent ? read(head.recent[0]) : null;
  const keys = [
    head.catalog?.[0],
    head.recent?.[0],
    catalog?.registry?.[0],
    ...Object.values(catalog?.chunks ?? {}).map((ref) => ref[0]),
  ].filter(Boolean);
  const parts = [...Object.values(chunks), ...(recent?.months ?? [])];
  const rows = parts.flatMap((part) => (part.rows ?? []).map((row) => ({ month: part.month, row })));
  return { head, catalog, chunks, recent, keys, rows };
});
