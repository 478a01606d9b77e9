// Builds regular expressions from names shown in the app, for locators that match a name within
// a longer accessible name (a table row, a button's label).

/** `text` as a regular expression that matches it literally; `prefix` anchors it at the start. */
export const literally = (text, prefix = '') => new RegExp(prefix + text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
