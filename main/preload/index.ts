import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildApi } from './api';

// The only thing the sandboxed page can reach: one method per contract channel, the event
// subscription, and the path of a dropped file. No raw ipcRenderer.
contextBridge.exposeInMainWorld(
  'sscp',
  buildApi({
    invoke: (channel, args) => ipcRenderer.invoke(channel, args),
    subscribe: (event, listener) => {
      const wrapped = (_e: unknown, payload: unknown): void => listener(payload);
      ipcRenderer.on(event, wrapped);
      return () => ipcRenderer.removeListener(event, wrapped);
    },
    pathForFile: (file) => webUtils.getPathForFile(file as Parameters<typeof webUtils.getPathForFile>[0]),
  }),
);
