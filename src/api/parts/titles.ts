/**
 * The user's own titles for library entries. Titles in an archive can be
 * guesses (the bundled article's is derived from its URL slug), so a reader
 * may correct them; the archive itself is never modified.
 *
 * Stored in `<dataDir>/titles.json` ({version: 1, titles: {id: title}}),
 * written atomically. A file that cannot be understood is moved aside, never
 * overwritten, and the archive's titles are shown until the next rename.
 */
import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../archive/atomic';
import type { LibraryEntry, LibraryResult } from '../contract';
import type { ServiceContext } from '../context';

export const TITLES_FILE = 'titles.json';
const TITLES_VERSION = 1;

const fileSchema = z.object({ version: z.literal(TITLES_VERSION), titles: z.record(z.string().min(1).max(200), z.string().min(1).max(300)) }).strict();

export interface TitleStore {
  /** The entry as the user sees it: their title, with the archive's kept as `originalTitle`. */
  apply(entry: LibraryEntry): LibraryEntry;
  applyToResult(result: LibraryResult): LibraryResult;
  /** Sets (or with null, removes) the user's title of an entry; resolves after the file is written. */
  set(id: string, title: string | null): Promise<void>;
}

export function createTitleStore(ctx: Pick<ServiceContext, 'paths' | 'log' | 'now'>): TitleStore {
  const path = join(ctx.paths.dataDir, TITLES_FILE);
  let titles = read();
  let writes: Promise<unknown> = Promise.resolve();

  function read(): Record<string, string> {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') ctx.log('warn', `titles: ${path} cannot be read (${(error as NodeJS.ErrnoException).code})`, 'titles-unreadable');
      return {};
    }
    let parsed: ReturnType<typeof fileSchema.safeParse>;
    try {
      parsed = fileSchema.safeParse(JSON.parse(text));
    } catch {
      parsed = fileSchema.safeParse(undefined);
    }
    if (parsed.success) return { ...parsed.data.titles };
    const aside = `${path}.corrupt-${ctx.now().toISOString().replace(/[:.]/g, '-')}`;
    try {
      renameSync(path, aside);
      ctx.log('warn', `titles: ${TITLES_FILE} is not a titles file; it was moved to ${aside} and the archive's titles are shown`, 'titles-corrupt');
    } catch (error) {
      ctx.log('warn', `titles: ${TITLES_FILE} is not a titles file and could not be moved aside (${(error as Error).message})`, 'titles-corrupt');
    }
    return {};
  }

  function apply(entry: LibraryEntry): LibraryEntry {
    const own = Object.prototype.hasOwnProperty.call(titles, entry.id) ? titles[entry.id] : undefined;
    if (own === undefined || own === entry.title) return entry;
    return { ...entry, title: own, originalTitle: entry.title };
  }

  return {
    apply,
    applyToResult(result) {
      if (result.state !== 'ok') return result;
      return { ...result, library: { ...result.library, entries: result.library.entries.map(apply) } };
    },
    set(id, title) {
      const run = writes.then(async () => {
        const next = { ...titles };
        if (title === null) delete next[id];
        else next[id] = title;
        await writeFileAtomic(path, `${JSON.stringify({ version: TITLES_VERSION, titles: next }, null, 2)}\n`);
        titles = next;
      });
      writes = run.catch(() => undefined);
      return run;
    },
  };
}
