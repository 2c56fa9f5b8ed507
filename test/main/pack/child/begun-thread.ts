// A process that opens a file, starts a verification's second thread hashing it (begin), and
// then does nothing more: no plan, no stop, no close. It must still end by itself.
import { openSync, statSync } from 'node:fs';
import { HashThread } from '../../../../main/pack/verify/hash-thread';

const path = process.argv[2]!;
const thread = new HashThread();
thread.begin({ fd: openSync(path, 'r'), size: statSync(path).size });
process.stdout.write('begun\n');
