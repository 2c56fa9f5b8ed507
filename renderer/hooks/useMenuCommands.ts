import { useEffect } from 'react';
import { api } from '../ipc/api';
import { CLAIM_COMMANDS } from '../../shared/ipc/shortcuts';
import { attempt } from '../stores/announcer';
import { runClaimCommand } from '../stores/claim-commands';
import { useAssessment } from '../stores/assessment';
import { useNavigation } from '../stores/navigation';
import { useSession } from '../stores/session';

/** Carries out the menu bar's commands that belong to the page. */
export function useMenuCommands(): void {
  useEffect(
    () =>
      api().onEvent('menu.command', ({ command }) => {
        const go = useNavigation.getState().go;
        const session = useSession.getState();
        switch (command) {
          case 'open-database':
            void attempt(session.chooseDatabase);
            break;
          case 'new-database':
            void attempt(session.createDatabase);
            break;
          case 'new-assessment':
            if (session.dbPath) go({ name: 'new-assessment' });
            break;
          case 'undo-last-change':
            void attempt(useAssessment.getState().undo);
            break;
          case 'show-settings':
          case 'show-about':
            go({ name: 'settings' });
            break;
          default:
            if ((CLAIM_COMMANDS as readonly string[]).includes(command)) runClaimCommand(command);
        }
      }),
    [],
  );
}
