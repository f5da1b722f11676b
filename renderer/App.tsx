/** The app: one API client for the window, the shared context, the shell. */
import { useMemo } from 'react';
import type { DaftarApi } from '../src/api/contract';
import { connectApi } from './api/client';
import { AppProvider } from './app/context';
import { Shell } from './app/Shell';

export function App({ api }: { api?: DaftarApi }) {
  const client = useMemo(() => api ?? connectApi(), [api]);
  return (
    <AppProvider api={client}>
      <Shell />
    </AppProvider>
  );
}
