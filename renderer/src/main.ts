import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { listenForWindowDrops } from './lib/window-drop';
import { i18n } from './lib/i18n.svelte';
import { installer } from './lib/installer';

performance.mark('renderer-start');
listenForWindowDrops();
// The language first, so the first paint speaks it: the choice kept from before costs nothing;
// without one, the system's languages are one question to the main process.
await i18n.start(async () => {
  const r = await installer()['app.info']();
  return r.ok ? r.value.preferredLanguages : [];
});
const app = mount(App, { target: document.getElementById('app')! });
performance.mark('renderer-mounted');
export default app;
