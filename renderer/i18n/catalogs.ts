import en from './en.json';
import desktopEn from './areas/desktop.en.json';
import desktopPt from './areas/desktop.pt-BR.json';
import imagesEn from './areas/images.en.json';
import imagesPt from './areas/images.pt-BR.json';
import learnEn from './areas/learn.en.json';
import learnPt from './areas/learn.pt-BR.json';
import volumesEn from './areas/volumes.en.json';
import volumesPt from './areas/volumes.pt-BR.json';
import palettePt from './areas/palette.pt-BR.json';
import paletteEn from './areas/palette.en.json';
import ptBR from './pt-BR.json';
import settingsEn from './areas/settings.en.json';
import settingsPt from './areas/settings.pt-BR.json';

type Tree = { [key: string]: string | Tree };

/**
 * Zero takes the plural: CLDR puts 0 in pt-BR's "one" form ("0 contêiner"), so
 * every `_other` without its own `_zero` lends its text to `_zero` (i18next
 * picks `_zero` for a count of 0 in any language). A catalog's own `_zero`
 * ("nenhum …") wins.
 */
export function withZeroPlurals<T extends Tree>(tree: T): T {
  const out: Tree = {};
  for (const [key, value] of Object.entries(tree)) {
    out[key] = typeof value === 'string' ? value : withZeroPlurals(value);
  }
  for (const [key, value] of Object.entries(tree)) {
    const base = key.endsWith('_other') ? key.slice(0, -'_other'.length) : undefined;
    if (base !== undefined && typeof value === 'string' && !(`${base}_zero` in tree)) out[`${base}_zero`] = value;
  }
  return out as T;
}

/**
 * Every user-visible string. Shared words live in en.json / pt-BR.json; each
 * area keeps its own pair in areas/, merged under the area's name. The
 * desktop pair (menu, About, startup failure) is also read by Electron's main process.
 */
export const catalogs = {
  en: withZeroPlurals({ ...en, images: imagesEn, volumes: volumesEn, settings: settingsEn, learn: learnEn, palette: paletteEn, desktop: desktopEn }),
  'pt-BR': withZeroPlurals({ ...ptBR, images: imagesPt, volumes: volumesPt, settings: settingsPt, learn: learnPt, palette: palettePt, desktop: desktopPt }),
};
