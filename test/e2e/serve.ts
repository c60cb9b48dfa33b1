/**
 * `npm run serve`: serve the built pages (dist/, from `npm run build`, which runs first when dist/
 * is empty) over HTTPS on https://localhost:3000/, the origin the manifest names (PORT=… to
 * change it). taskpane.html runs inside Excel when sideloaded, and in browser mode when opened in
 * a browser.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { devCerts, serveStatic } from './https-server';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../dist');
  if (!existsSync(path.join(root, 'taskpane.html'))) {
    process.stdout.write('dist/taskpane.html is missing: building the pages first (npm run build)…\n');
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: path.resolve(root, '..'), stdio: 'inherit' });
  }
  const port = Number(process.env.PORT ?? 3000);
  const certs = await devCerts();
  const server = await serveStatic(root, certs, port);
  process.stdout.write(
    [
      `Serving ${root}`,
      `  Task pane / browser mode: ${server.origin}/taskpane.html`,
      `  Certificate: ${certs.dir} (for Excel to trust it, run once: npx office-addin-dev-certs install)`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
