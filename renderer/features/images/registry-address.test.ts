import { describe, expect, it } from 'vitest';
import { registryFromInput } from './registry-address';

describe('registryFromInput', () => {
  it.each([
    ['127.0.0.1:5000', '127.0.0.1:5000'],
    ['  127.0.0.1:5000  ', '127.0.0.1:5000'],
    ['http://127.0.0.1:5000/', '127.0.0.1:5000'],
    ['https://registry.example.com/v2/', 'registry.example.com'],
    ['https://index.docker.io/v1/', 'index.docker.io'],
    ['docker.io', 'docker.io'],
  ])('%j → %j', (typed, host) => {
    expect(registryFromInput(typed)).toBe(host);
  });
});
