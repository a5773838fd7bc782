import { render } from 'preact';
import { App } from './App';
import './styles.css';

render(<App />, document.getElementById('root')!);

// The service worker caches the app shell only (public/sw.js), so the app opens without a connection.
if ('serviceWorker' in navigator)
  void navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' }).catch(() => {});
