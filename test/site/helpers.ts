import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file below `dir`, relative, with `/` separators, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out;
}

/** The HTML of a site path such as `/regions/421202/`, its attributes quoted (`quoted`). */
export function page(site: string, path: string): string {
  const file = join(site, path.endsWith('/') ? `${path}index.html` : path);
  if (!existsSync(file)) throw new Error(`no page ${path} in ${site}`);
  return quoted(readFileSync(file, 'utf8'));
}

/**
 * HTML with every unquoted attribute value in double quotes, as a parser reads it: the pages write
 * values bare where HTML allows (src/text/escape.ts, htmlAttr), and tests look for `href="…"`.
 */
export function quoted(html: string): string {
  return html.replace(/<[a-zA-Z][^<>]*>/g, (tag) => tag.replace(/(\s[\w:-]+)=([^\s"'=<>`]+)/g, '$1="$2"'));
}

/** The visible text of HTML, tags removed and entities decoded, white space folded. */
export function text(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Does a site path resolve to a file of the built site? */
export function resolves(site: string, path: string): boolean {
  const clean = decodeURIComponent(path.split('#')[0]!.split('?')[0]!);
  if (clean === '') return true;
  const file = join(site, clean);
  return (clean.endsWith('/') && existsSync(join(file, 'index.html'))) || (existsSync(file) && statSync(file).isFile());
}
