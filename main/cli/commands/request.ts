import { SscpError } from '../../../shared/errors';
import { namesOwner } from '../../../shared/domain/contribution';
import { buildEvidenceRequest } from '../../contribution/evidence-request';
import { nowInstant } from '../../store/clock';
import { saveUserFile } from '../../fs/write-file-atomic';
import type { RegisterCommand } from '../context';
import { field, shellWord } from '../io';
import { collect, DB_OPTION_FLAGS, DB_OPTION_HELP, FORCE_HINT, FORCE_OPTION_FLAGS, FORCE_OPTION_HELP, withWorkspace } from '../options';

interface RequestOptions {
  db: string;
  owner?: string;
  claim?: string[];
  out: string;
  force?: boolean;
}

export const registerRequest: RegisterCommand = (program, ctx) => {
  program
    .command('request')
    .description(
      'Write an evidence request for a claim owner: the claims (every claim assigned to --owner, or those named with --claim), their statements, guidance and current answers. ' +
        'The owner answers it with sscp contribute --request FILE, with no access to your database.',
    )
    .argument('<id>', 'the assessment id (see sscp list)')
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--owner <name>', 'ask about every claim assigned to this owner (see sscp assign)')
    .option('--claim <claim>', 'ask about this claim; repeatable', collect)
    .requiredOption('--out <file>', 'where to write the request (.json); an existing file only with --force')
    .option(FORCE_OPTION_FLAGS, FORCE_OPTION_HELP)
    .action(async (id: string, opts: RequestOptions) => {
      const { request, dbPath } = await withWorkspace(
        opts.db,
        (ws) => {
          const detail = ws.getAssessment(id);
          if (detail.assessment.state !== 'draft')
            throw new SscpError(
              'frozen',
              `Assessment ${id} is ${detail.assessment.state}: it takes no contributions.`,
              'Ask for evidence for a draft (carry the assessment forward first).',
            );
          const owners = ws.claimOwners(id);
          const mine = opts.owner === undefined ? [] : owners.filter((o) => namesOwner(o, opts.owner!));
          if (opts.owner !== undefined && mine.length === 0)
            throw new SscpError(
              'not-found',
              `No claim of assessment ${id} is assigned to ${opts.owner}.`,
              'Assign claims with sscp assign first, or name them with --claim.',
            );
          const claimIds = [...new Set([...mine.map((o) => o.claimId), ...(opts.claim ?? [])])];
          if (claimIds.length === 0) throw new SscpError('invalid-input', 'No claims were chosen.', 'Give --owner NAME or --claim CLAIM.');
          for (const c of claimIds)
            if (!detail.responses.some((r) => r.claimId === c))
              throw new SscpError(
                'invalid-input',
                `Claim ${c} is not in assessment ${id}.`,
                'Claims are numbered like 1.2.1; run sscp catalog to see them all.',
              );
          const owner = mine[0] ?? (claimIds.length === 1 ? (owners.find((o) => o.claimId === claimIds[0]) ?? null) : null);
          return { request: buildEvidenceRequest(detail, claimIds, owner, nowInstant()), dbPath: ws.dbPath };
        },
        { readOnly: true },
      );
      const path = await saveUserFile(opts.out, `${JSON.stringify(request, null, 2)}\n`, {
        what: 'evidence request',
        database: dbPath,
        replace: opts.force ?? false,
        existsHint: FORCE_HINT,
        exampleName: 'evidence-request.json',
      });
      ctx.io.stdout.write(
        `Evidence request for ${request.claims.map((c) => c.claimId).join(', ')}${request.owner ? ` (${field(request.owner.name)})` : ''} written to ${path}\n` +
          `The owner answers it with: sscp contribute --request ${shellWord(path)} --identity LABEL --out FILE\n`,
      );
    });
};
