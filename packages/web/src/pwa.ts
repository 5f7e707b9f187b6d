// Registers the Workbox service worker built by vite-plugin-pwa (app shell precache → works offline).
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // No service worker (private mode, http on a LAN address): the app still works online.
    });
  });
}
