import { os } from './base';
import { containersRouter } from './containers-router';
import { engineRouter } from './engine-router';
import { imagesRouter } from './images-router';
import { systemRouter } from './system-router';
import { volumesRouter } from './volumes-router';

export type { RouterContext } from './base';

/** The one router; Electron and the web host each bind it to a transport. */
export const router = os.router({
  engine: engineRouter,
  containers: containersRouter,
  images: imagesRouter,
  volumes: volumesRouter,
  system: systemRouter,
});

export type AppRouter = typeof router;
