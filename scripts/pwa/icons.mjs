// Renders the app's PNG icons from the one source drawing, assets/icon.svg, so no icon is ever
// exported by hand. "any" icons are the drawing as it is; the maskable icon fills the whole square
// with the drawing's background colour and shrinks the motif into the safe zone (the middle 80%)
// that platforms keep when they cut the icon to a circle or a squircle.
import { Resvg } from '@resvg/resvg-js';

/** The icons browsers ask for: 192 and 512 for install, 180 for iOS home screens. */
export const ICONS = [
  { size: 192, purpose: 'any' },
  { size: 512, purpose: 'any' },
  { size: 180, purpose: 'apple-touch' },
  { size: 192, purpose: 'maskable' },
  { size: 512, purpose: 'maskable' },
];

// The motif is scaled around the centre so its farthest point stays inside the safe circle.
const MASKABLE_SCALE = 0.8;

/**
 * A full-bleed version of the source for maskable icons. The source must start with its
 * background: a <rect> covering the view box with a fill colour.
 */
export function maskableSvg(source) {
  const open = source.match(/<svg\b[^>]*>/)?.[0];
  const box = open?.match(/viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/);
  const background = source.match(/<rect\b[^>]*\/>/)?.[0];
  const fill = background?.match(/fill="([^"]+)"/)?.[1];
  if (!open || !box || !background || !fill) {
    throw new Error('icons: assets/icon.svg must have a viewBox and start with a filled background <rect>');
  }
  const [w, h] = [Number(box[1]), Number(box[2])];
  const motif = source.slice(source.indexOf(background) + background.length, source.lastIndexOf('</svg>'));
  const centre = `${w / 2} ${h / 2}`;
  return `${open}<rect width="${w}" height="${h}" fill="${fill}"/>`
    + `<g transform="translate(${centre}) scale(${MASKABLE_SCALE}) translate(${-w / 2} ${-h / 2})">${motif}</g></svg>`;
}

/** Renders every icon in ICONS; returns them with their PNG bytes. */
export function renderIcons(source) {
  const maskable = maskableSvg(source);
  return ICONS.map((icon) => {
    // iOS fills transparent corners with black, so its icon is full-bleed like a maskable one.
    const svg = icon.purpose === 'any' ? source : maskable;
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: icon.size } }).render().asPng();
    return { ...icon, png };
  });
}
