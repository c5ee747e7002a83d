import { describe, expect, it } from 'vitest';
import { withUsage } from './volume-usage';

const volume = (name: string) => ({ name, driver: 'local', createdAt: '', mountpoint: `/v/${name}`, scope: 'local', labels: {}, anonymous: false });
const user = { id: 'c1', name: 'web', state: 'running', destination: '/data', readOnly: false };

describe('withUsage', () => {
  it('leaves "used by" unknown until the usage has arrived', () => {
    expect(withUsage([volume('a')], undefined)[0].usedBy).toBeUndefined();
  });

  it('gives each volume its containers, and none to a volume the usage does not name', () => {
    const merged = withUsage([volume('a'), volume('b')], [{ name: 'b', usedBy: [user] }]);
    expect(merged.map((entry) => [entry.name, entry.usedBy?.map((u) => u.name)])).toEqual([
      ['a', []],
      ['b', ['web']],
    ]);
  });
});
