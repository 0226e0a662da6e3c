/**
 * Runs a command-line script in process, as `npm run <name>` would, with captured output: each
 * script exports `main(argv, effects)`, so tests need no child process.
 */
import { fileURLToPath } from 'node:url';
import { captureEffects, runMain, type Effects, type Main } from '../../scripts/cli.ts';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface ScriptRun {
  status: number;
  stdout: string;
  stderr: string;
}

export async function runScript(name: string, args: readonly string[], fx: Partial<Effects> = {}): Promise<ScriptRun> {
  const { main } = (await import(`../../scripts/${name}.ts`)) as { main: Main };
  const effects = captureEffects({ cwd: REPO, ...fx });
  const status = await runMain(main, args, effects);
  return { status, stdout: effects.out(), stderr: effects.err() };
}
