/**
 * What every engine under test provides to the harness. Each engine runs in
 * its own child process (child.ts), once to build and save, once to load and
 * query, so its memory and load time are its own.
 */
import type { Passage } from '../corpus';
import type { BenchQuery } from '../queries';

export interface Engine<Built = unknown, Loaded = unknown> {
  /** Column label in the results table. */
  label: string;
  /** One line on how it is configured, printed under the table. */
  config: string;
  /** `dir` is where save() will write: engines whose index is a file (SQLite) build straight into it. */
  build(corpus: readonly Passage[], dir: string): Built | Promise<Built>;
  /** Writes the serialised index into `dir`; returns the files written. */
  save(built: Built, dir: string): string[] | Promise<string[]>;
  /** Reads the index back from `dir` (everything it needs must be in those files). */
  load(dir: string): Loaded | Promise<Loaded>;
  /**
   * Every matching passage's numeric id (Passage.n), no limit, so recall is
   * measured on the whole answer. Throwing counts as a failed query.
   */
  search(index: Loaded, query: BenchQuery): number[];
}

export const ENGINE_NAMES = ['daftar', 'lunr-ar', 'minisearch', 'flexsearch', 'fts5', 'fts5-daftar-keys'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export function parseEngineName(value: string | undefined): EngineName {
  const found = ENGINE_NAMES.find((n) => n === value);
  if (!found) throw new Error(`bench: unknown engine ${JSON.stringify(value)} (expected one of ${ENGINE_NAMES.join(', ')})`);
  return found;
}
