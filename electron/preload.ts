// Sandboxed preload: exposes window.preflight (one function per message of the typed contract) and
// nothing else. ipcRenderer itself never reaches the page. Bundled to one CJS file (sandbox rule).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildApi, type PreflightApi } from '../shared/api';

const api: PreflightApi = buildApi(
  (channel, args) => ipcRenderer.invoke(channel, ...args),
  (channel, listener) => {
    // one wrapper per subscription (drops the event object); unsubscribe removes exactly this one
    const wrapper = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapper);
    return () => {
      ipcRenderer.removeListener(channel, wrapper);
    };
  },
);

contextBridge.exposeInMainWorld('preflight', api);
