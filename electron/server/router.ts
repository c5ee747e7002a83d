import { activityRouter } from './activity-router';
import { recordActivity } from './activity-middleware';
import { anatomyRouter } from './anatomy-router';
import { os } from './base';
import { containersRouter } from './containers-router';
import { engineRouter } from './engine-router';
import { imagesRouter } from './images-router';
import { enginesRouter, settingsRouter } from './settings-router';
import { lessonsRouter } from './lessons-router';
import { registriesRouter } from './registries-router';
import { systemRouter } from './system-router';
import { volumesRouter } from './volumes-router';

export type { RouterContext } from './base';

/**
 * The one router; Electron and the web host each bind it to a transport.
 * Every change it makes to the engine is recorded in the activity log.
 */
export const router = os.use(recordActivity).router({
  engine: engineRouter,
  containers: containersRouter,
  images: imagesRouter,
  registries: registriesRouter,
  volumes: volumesRouter,
  settings: settingsRouter,
  engines: enginesRouter,
  system: systemRouter,
  activity: activityRouter,
  anatomy: anatomyRouter,
  lessons: lessonsRouter,
});

export type AppRouter = typeof router;
