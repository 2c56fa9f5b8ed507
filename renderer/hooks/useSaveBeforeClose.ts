import { useEffect } from 'react';
import { api } from '../ipc/api';
import { call } from '../ipc/client';
import { useAnnouncer } from '../stores/announcer';
import { useAssessment } from '../stores/assessment';

/** When the window is closing, saves what is waiting for the autosave pause, then lets it close. */
export function useSaveBeforeClose(): void {
  useEffect(
    () =>
      api().onEvent('app.closing', () => {
        void (async () => {
          useAnnouncer.getState().announce('Saving before closing…');
          await useAssessment.getState().flush();
          await call('app.readyToClose', {});
        })();
      }),
    [],
  );
}
