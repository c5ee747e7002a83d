import { os } from './base';
import { containersRouter } from './containers-router';
import { engineRouter } from './engine-router';
import { imagesRouter } from './images-router';
import { enginesRouter, settingsRouter } from './settings-router';
import { volumesRouter } from './volumes-router';

export type { RouterContext } from './base';

/** The one router; Electron and the web host each bind it to a transport. */
export const router = os.router({
  engine: engineRouter,
  containers: containersRouter,
  images: imagesRouter,
  volumes: volumesRouter,
  settings: settingsRouter,
  engines: enginesRouter,
});

export type AppRouter = typeof router;
