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

/**
 * Every user-visible string. Shared words live in en.json / pt-BR.json; each
 * area keeps its own pair in areas/, merged under the area's name. The
 * desktop pair (menu, About, startup failure) is also read by Electron's main process.
 */
export const catalogs = {
  en: { ...en, images: imagesEn, volumes: volumesEn, settings: settingsEn, learn: learnEn, palette: paletteEn, desktop: desktopEn },
  'pt-BR': { ...ptBR, images: imagesPt, volumes: volumesPt, settings: settingsPt, learn: learnPt, palette: palettePt, desktop: desktopPt },
};
