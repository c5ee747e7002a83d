import { describe, expect, it } from 'vitest';
import { forgetCutOffWork, runningWork, trackRunningWork } from './running-work';

describe('running work', () => {
  it('lists work while it runs, keeps work the engine cut off until forgotten', () => {
    const endPull = trackRunningWork('Pulling app:v1');
    const endBuild = trackRunningWork('Building app:v2');
    expect(runningWork()).toEqual(['Pulling app:v1', 'Building app:v2']);

    endBuild(false);
    expect(runningWork()).toEqual(['Pulling app:v1']);

    endPull(true);
    // The stream's own end comes later and must not undo "cut off".
    endPull(false);
    expect(runningWork()).toEqual(['Pulling app:v1']);

    forgetCutOffWork();
    expect(runningWork()).toEqual([]);
  });

  it('forgets only what was cut off, not what still runs', () => {
    const endCut = trackRunningWork('Pulling a');
    const endRunning = trackRunningWork('Pulling b');
    endCut(true);
    forgetCutOffWork();
    expect(runningWork()).toEqual(['Pulling b']);
    endRunning(false);
  });
});
