import { describe, expect, it } from 'vitest';
import { isSecretName } from './secret-names';

describe('isSecretName', () => {
  it.each(['DB_PASS', 'MYSQL_ROOT_PASSWORD', 'SESSION_KEY', 'AWS_SECRET_ACCESS_KEY', 'GITHUB_PAT', 'gitlab.pat', 'api_token', 'auth', 'X-Registry-Auth', 'Cookie', 'passwd', 'DB_PWD', 'credentials', 'private-key'])(
    'calls %s a secret',
    (name) => expect(isSecretName(name)).toBe(true),
  );

  it.each(['PATH', 'HOME', 'LANG', 'author', 'AUTHOR_NAME', 'USER', 'PATTERN', 'HOSTNAME'])('leaves %s alone', (name) => expect(isSecretName(name)).toBe(false));
});
