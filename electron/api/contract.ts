import { activityContract } from './activity-contract';
import { anatomyContract } from './anatomy-contract';
import { containersContract } from './containers-contract';
import { engineContract } from './engine-contract';
import { imagesContract } from './images-contract';
import { enginesContract, settingsContract } from './settings-contract';
import { lessonsContract } from './lessons-contract';
import { registriesContract } from './registries-contract';
import { systemContract } from './system-contract';
import { volumesContract } from './volumes-contract';

/**
 * The one contract between the renderer and the main process, one file per
 * area. Every call's input is parsed by its zod schema before any handler
 * (and so the engine) sees it; unknown fields are rejected by strict objects.
 */
export const contract = {
  engine: engineContract,
  containers: containersContract,
  images: imagesContract,
  registries: registriesContract,
  volumes: volumesContract,
  settings: settingsContract,
  engines: enginesContract,
  system: systemContract,
  activity: activityContract,
  anatomy: anatomyContract,
  lessons: lessonsContract,
};

export type Contract = typeof contract;
