import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { startAutoSync } from './local/sync.js';
import { registerServiceWorker } from './pwa.js';
import { SessionProvider } from './session.js';
import './styles.css';

document.documentElement.lang = navigator.language || 'en';
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <SessionProvider>
      <App />
    </SessionProvider>
  </StrictMode>,
);
startAutoSync();
registerServiceWorker();
