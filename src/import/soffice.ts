/**
 * Older binary formats (.xls and WPS's .et; .doc and WPS's .wps) converted by LibreOffice, where it
 * is installed: `soffice --headless --convert-to xlsx|docx --outdir TMP FILE`. An effect at the
 * edge of the import: it runs a program and writes a temporary folder, which it removes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export type Converted = { ok: true; bytes: Uint8Array; ext: 'xlsx' | 'docx' } | { ok: false; reason: 'missing' | 'failed'; detail: string };

/**
 * Converts `file` to `to` with the LibreOffice program `soffice` (or the one named). Each run
 * gets its own profile folder, so that conversions running at the same time do not wait on
 * each other's lock.
 */
export function convertWithLibreOffice(file: string, to: 'xlsx' | 'docx', program = 'soffice', timeoutMs = 180_000): Converted {
  const dir = mkdtempSync(join(tmpdir(), 'phaseout-soffice-'));
  try {
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const out = join(dir, 'out');
    const r = spawnSync(program, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', out, file], {
      encoding: 'utf8',
      timeout: timeoutMs,
      env: { ...process.env, HOME: dir },
    });
    if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, reason: 'missing', detail: program };
    const made = existsSync(out) ? readdirSync(out).find((f) => f.toLowerCase().endsWith(`.${to}`)) : undefined;
    if (!made) return { ok: false, reason: 'failed', detail: (r.stderr || r.stdout || String(r.error ?? '')).trim().slice(0, 300) };
    return { ok: true, bytes: readFileSync(join(out, made)), ext: to };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
