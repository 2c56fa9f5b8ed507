import { EventEmitter } from 'node:events';

/**
 * A stand-in for the parts of `electron` main/app uses: records what the app asks of it so
 * tests can check window options, session hooks and IPC registration without the binary.
 */
type Listener = (...args: never[]) => unknown;

export class FakeWebRequest {
  beforeRequest: Listener | null = null;
  headersReceived: Listener | null = null;
  onBeforeRequest(listener: Listener): void {
    this.beforeRequest = listener;
  }
  onHeadersReceived(listener: Listener): void {
    this.headersReceived = listener;
  }
}

export class FakeSession {
  readonly webRequest = new FakeWebRequest();
  permissionRequest: Listener | null = null;
  permissionCheck: Listener | null = null;
  devicePermission: Listener | null = null;
  setPermissionRequestHandler(l: Listener): void {
    this.permissionRequest = l;
  }
  setPermissionCheckHandler(l: Listener): void {
    this.permissionCheck = l;
  }
  setDevicePermissionHandler(l: Listener): void {
    this.devicePermission = l;
  }
}

let nextId = 1;

export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
  ) {}
}

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly session = new FakeSession();
  readonly mainFrame: FakeFrame;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: { channel: string; payload: unknown }[] = [];
  constructor(url: string) {
    super();
    this.mainFrame = new FakeFrame(url);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents: FakeWebContents;
  loadedFile: string | null = null;
  constructor(readonly options: Record<string, unknown>) {
    super();
    this.webContents = new FakeWebContents('about:blank');
    FakeBrowserWindow.created.push(this);
  }
  async loadFile(path: string): Promise<void> {
    this.loadedFile = path;
    this.webContents.mainFrame.url = `file://${path}`;
  }
  isDestroyed(): boolean {
    return false;
  }
  show(): void {}
}

export class FakeIpcMain {
  readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  handle(channel: string, fn: (event: unknown, ...args: unknown[]) => Promise<unknown>): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, fn);
  }
}

export class FakeIpcRenderer extends EventEmitter {
  readonly invoked: { channel: string; args: unknown }[] = [];
  async invoke(channel: string, args: unknown): Promise<unknown> {
    this.invoked.push({ channel, args });
    return { ok: true, value: channel };
  }
}

export const shell = {
  opened: [] as string[],
  revealed: [] as string[],
  async openExternal(url: string): Promise<void> {
    shell.opened.push(url);
  },
  showItemInFolder(path: string): void {
    shell.revealed.push(path);
  },
};

/** Native dialogs answer from queues the test fills; an empty queue is a cancelled dialog. */
export const dialog = {
  openAnswers: [] as string[][],
  saveAnswers: [] as string[],
  shown: [] as { kind: 'open' | 'save'; options: unknown }[],
  async showOpenDialog(...args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> {
    dialog.shown.push({ kind: 'open', options: args.at(-1) });
    const paths = dialog.openAnswers.shift();
    return paths ? { canceled: false, filePaths: paths } : { canceled: true, filePaths: [] };
  },
  async showSaveDialog(...args: unknown[]): Promise<{ canceled: boolean; filePath: string }> {
    dialog.shown.push({ kind: 'save', options: args.at(-1) });
    const path = dialog.saveAnswers.shift();
    return path ? { canceled: false, filePath: path } : { canceled: true, filePath: '' };
  },
};

export const exposed: Record<string, unknown> = {};
export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    exposed[key] = api;
  },
};
export const ipcRenderer = new FakeIpcRenderer();
export const webUtils = { getPathForFile: (file: { name: string }) => `/dropped/${file.name}` };

export class FakeUtilityProcess extends EventEmitter {
  static forked: { entry: string; options: unknown; child: FakeUtilityProcess }[] = [];
  readonly posted: unknown[] = [];
  killed = false;
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  kill(): boolean {
    this.killed = true;
    return true;
  }
}

export const utilityProcess = {
  fork(entry: string, _args: string[], options: unknown): FakeUtilityProcess {
    const child = new FakeUtilityProcess();
    FakeUtilityProcess.forked.push({ entry, options, child });
    return child;
  },
};

export const electronModule = {
  BrowserWindow: FakeBrowserWindow,
  utilityProcess,
  shell,
  dialog,
  contextBridge,
  ipcRenderer,
  webUtils,
};
