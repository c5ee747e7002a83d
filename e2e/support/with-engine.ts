import { spawn } from 'node:child_process';
import { openEngineSession } from './engine-session';

/** `tsx e2e/support/with-engine.ts CMD ...`: runs CMD with DOCKER_HOST pointing at a test engine. */
const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: tsx e2e/support/with-engine.ts COMMAND [ARGS...]');
  process.exit(2);
}
const session = await openEngineSession();
if ('unavailable' in session) {
  console.error(`No engine for the tests: ${session.unavailable}.`);
  process.exit(1);
}
const child = spawn(command, args, {
  stdio: 'inherit',
  env: { ...process.env, DOCKER_HOST: session.host, CAIS_TEST_ENGINE_OWNED: session.owned ? '1' : '' },
});
const code = await new Promise<number>((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 1)));
await session.close();
process.exit(code);
