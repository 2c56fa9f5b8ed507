import type { SscpApi } from '../../shared/ipc/api';

export type RendererApi = SscpApi<File>;

declare global {
  interface Window {
    /** Exposed by the preload (main/preload): one method per contract channel. */
    readonly sscp: RendererApi;
  }
}

/** The bridge to main. Tests replace `window.sscp` with a fake before rendering. */
export function api(): RendererApi {
  return window.sscp;
}
