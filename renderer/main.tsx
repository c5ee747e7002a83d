import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { applyCachedTheme } from './api/theme';
import { WebSessionGate } from './features/web-session/WebSessionGate';
import './i18n';
import './styles.css';

// Engine events keep the data fresh; nothing is refetched on a timer or on focus.
const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 } },
});

applyCachedTheme();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <WebSessionGate>
        <App />
      </WebSessionGate>
    </QueryClientProvider>
  </StrictMode>,
);
