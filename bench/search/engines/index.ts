/**
 * Engine registry. Each engine is imported lazily so a child process loads
 * only the library it measures (its memory baseline then holds nothing else).
 */
import type { Engine, EngineName } from './types';

export async function loadEngine(name: EngineName): Promise<Engine> {
  switch (name) {
    case 'daftar':
      return (await import('./daftar')).daftar as Engine;
    case 'lunr-ar':
      return (await import('./lunr-ar')).lunrAr as Engine;
    case 'minisearch':
      return (await import('./minisearch')).miniSearch as Engine;
    case 'flexsearch':
      return (await import('./flexsearch')).flexSearch as Engine;
    case 'fts5':
      return (await import('./fts5')).fts5 as Engine;
    case 'fts5-daftar-keys':
      return (await import('./fts5-daftar-keys')).fts5DaftarKeys as Engine;
  }
}
