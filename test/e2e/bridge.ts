import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ContractEvents, EventName } from '../../shared/ipc/contract';
import { createDispatch } from '../../main/ipc/dispatch';
import { createServiceHandlers } from '../../main/ipc/handlers';
import { JobRunner } from '../../main/ipc/jobs/runner';
import { forkNodeHost } from '../../main/ipc/jobs/node-host';
import { processExecutor } from '../../main/ipc/jobs/process-executor';
import { join } from 'node:path';
import { appActor } from '../../main/services/actor';
import { openWorkspace } from '../../main/services/workspace';
import { createTestPlatform, type TestPlatform } from './test-platform';

export interface Bridge {
  readonly url: string;
  readonly token: string;
  readonly platform: TestPlatform;
  /** Sends an event to the page as main would (the window closing, a menu command). */
  readonly emit: <E extends EventName>(event: E, payload: ContractEvents[E]) => void;
  readonly close: () => Promise<void>;
}

interface QueuedEvent {
  readonly event: EventName;
  readonly payload: ContractEvents[EventName];
}

const MAX_BODY = 1024 * 1024;

/**
 * The end-to-end stand-in for Electron's IPC: the same dispatch (same handler table, same
 * validation) over HTTP on 127.0.0.1, accepting only requests that carry this run's token.
 */
export async function startBridge(appRoot: string): Promise<Bridge> {
  const token = randomBytes(32).toString('hex');
  const events: QueuedEvent[] = [];
  let wake: (() => void) | null = null;
  const emit = <E extends EventName>(event: E, payload: ContractEvents[E]) => {
    events.push({ event, payload });
    wake?.();
  };
  const platform = createTestPlatform(appRoot);
  // Job outcomes pass the grants on their way out, as in main: a failed export gives back its save location.
  const jobEvents = platform.grants.watchJobs(emit);
  const jobs = new JobRunner(jobEvents);
  // Long jobs go to a separate host process over the same protocol as Electron's utility process.
  const hostEntry = join(appRoot, 'main/ipc/jobs/node-host-entry.ts');
  const executor = processExecutor(() => forkNodeHost(hostEntry, ['--import', 'tsx']), jobEvents);
  const { handlers, session } = createServiceHandlers({
    openWorkspace,
    actor: () => appActor(platform.settings().profile),
    jobs,
    executor,
    onWorkspaceOpened: (p) => platform.recordRecent(p),
  });
  const dispatch = createDispatch({ ...handlers, ...platform.handlers }, platform.grants);

  const server: Server = createServer((req, res) => {
    void (async () => {
      if (!authorised(req, token)) {
        res.writeHead(403).end();
        return;
      }
      if (req.method === 'POST' && req.url === '/invoke') {
        const { channel, args } = JSON.parse(await readBody(req)) as { channel: unknown; args: unknown };
        reply(res, await dispatch(channel, args));
        return;
      }
      if (req.method === 'GET' && req.url === '/events') {
        // Long poll: answer at once if events are waiting, otherwise when one arrives.
        if (events.length === 0)
          await new Promise<void>((r) => {
            wake = r;
            setTimeout(r, 15_000);
          });
        wake = null;
        reply(res, events.splice(0));
        return;
      }
      res.writeHead(404).end();
    })().catch((e: unknown) => {
      res.writeHead(500).end(String(e));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    platform,
    emit,
    close: async () => {
      executor.close();
      wake?.();
      session.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function authorised(req: IncomingMessage, token: string): boolean {
  const given = Buffer.from(String(req.headers['x-sscp-token'] ?? ''));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected) && req.socket.remoteAddress === '127.0.0.1';
}

function reply(res: ServerResponse, value: unknown): void {
  res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
}

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
