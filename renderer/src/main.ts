import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';

performance.mark('renderer-start');
// A file dropped outside the drop area must not replace the page with the file (in a browser the
// page would navigate to it): swallow stray drops everywhere; the drop area handles its own.
for (const type of ['dragover', 'drop'] as const) window.addEventListener(type, (e) => e.preventDefault());
const app = mount(App, { target: document.getElementById('app')! });
export default app;
