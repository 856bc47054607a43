import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { listenForWindowDrops } from './lib/window-drop';

performance.mark('renderer-start');
listenForWindowDrops();
const app = mount(App, { target: document.getElementById('app')! });
performance.mark('renderer-mounted');
export default app;
