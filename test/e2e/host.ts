/**
 * Starts `daftar serve` for one test: `node bin/daftar.cjs serve --port 0
 * --data DIR [--archive DIR]` (the `daftar` bin, which runs the built out/main/cli.js), waits for the line "Daftar is serving at URL",
 * and stops it afterwards. Errors carry what the host printed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface RunningServe {
  /** The URL to open, with `#token=…`. */
  openUrl: string;
  origin: string;
  stop(): Promise<void>;
}

const READY = /Daftar is serving at (http:\/\/127\.0\.0\.1:\d+\/\S*)/;

export async function startServe(opts: { root: string; node: string; dataDir: string; archiveDir?: string; timeoutMs?: number }): Promise<RunningServe> {
  const args = [join(opts.root, 'bin', 'daftar.cjs'), 'serve', '--port', '0', '--data', opts.dataDir];
  if (opts.archiveDir !== undefined) args.push('--archive', opts.archiveDir);
  const child = spawn(opts.node, args, { cwd: opts.root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DAFTAR_DATA_DIR: opts.dataDir } });
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const openUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`e2e: daftar serve printed no URL within ${opts.timeoutMs ?? 30_000} ms\nstdout: ${out}\nstderr: ${err}`)), opts.timeoutMs ?? 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = READY.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`e2e: daftar serve exited with code ${code} before serving\nstdout: ${out}\nstderr: ${err}`));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`e2e: could not start daftar serve: ${error.message}`));
    });
  });
  return { openUrl, origin: new URL(openUrl).origin, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
