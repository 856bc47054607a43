// The whole bridge between the page and main: one global, generated from the contract.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CALL_NAMES, CHANNEL_PREFIX, EVENT_NAMES, INSTALLER_GLOBAL } from './core/contract';
import { buildInstallerApi } from './core/installer-api';

const api = buildInstallerApi(
  CALL_NAMES,
  EVENT_NAMES,
  (name, input) => ipcRenderer.invoke(CHANNEL_PREFIX + name, input),
  (event, listener) => {
    const relay = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(CHANNEL_PREFIX + event, relay);
    return () => ipcRenderer.removeListener(CHANNEL_PREFIX + event, relay);
  },
);

contextBridge.exposeInMainWorld(INSTALLER_GLOBAL, api);
