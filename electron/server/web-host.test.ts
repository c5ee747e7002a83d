import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './web-host';

/** "a b; c d" → { a: ['b'], c: ['d'] } */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name, values]),
  );
}

describe('contentSecurityPolicy', () => {
  const policy = contentSecurityPolicy(51234);
  const parsed = directives(policy);

  it('allows nothing unsafe for scripts (inline styles only, for the terminal)', () => {
    expect(policy).toContain("script-src 'self';");
    for (const directive of policy.split(';').filter((d) => /unsafe-/.test(d))) expect(directive.trim()).toMatch(/^style-src /);
    expect(policy).not.toContain('*');
  });

  it("limits everything to 'self' by default", () => {
    expect(parsed['default-src']).toEqual(["'self'"]);
    expect(parsed['script-src']).toEqual(["'self'"]);
    expect(parsed['object-src']).toEqual(["'none'"]);
    expect(parsed['frame-ancestors']).toEqual(["'none'"]);
  });

  it('lets the page open its WebSocket on its own port only', () => {
    expect(parsed['connect-src']).toContain('ws://127.0.0.1:51234');
    expect(parsed['connect-src']).toContain('ws://localhost:51234');
    for (const source of parsed['connect-src']) {
      if (source.startsWith('ws')) expect(source).toMatch(/:51234$/);
    }
    expect(contentSecurityPolicy(8080)).not.toContain('51234');
  });
});
