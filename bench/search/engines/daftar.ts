/** Placeholder until src/search lands. */
import type { Engine } from './types';

export const daftar: Engine = {
  label: 'Daftar',
  config: '',
  build() {
    throw new Error('src/search is not available yet');
  },
  save: () => [],
  load: () => null,
  search: () => [],
};
