import type { ClaimResult, WorkStatus } from '../../shared/domain/types';
import type { EvidenceKey } from './cited-evidence';

/** A remedial action, due a number of days after the day the self-assessment is made. */
export interface PlannedAction {
  readonly description: string;
  /** A role in the project, never a person. */
  readonly owner: string;
  readonly dueInDays: number;
}

export interface SelfAssessedClaim {
  readonly claimId: string;
  readonly result: ClaimResult;
  readonly status: WorkStatus;
  /** The form's "Evidence" column. */
  readonly evidenceText: string;
  /** The form's "Arguments / Assumptions" column. */
  readonly arguments: string;
  readonly evidence: readonly EvidenceKey[];
  readonly actions?: readonly PlannedAction[];
}

const LEAD = 'Project lead';
const RELEASE = 'Release manager';
const MAINTAINERS = 'Maintainers';

/**
 * The SSCP Evidence Pack project assessed against every claim of the Code, honestly: a small
 * open-source project has its policies and its tests in the repository, but no records of
 * training, of access reviews or of multi-factor sign-in to its build environment, and has
 * not yet published a release. Those gaps are marked not met or partially met, each with
 * the action that would close it. Two claims about the hosting providers' settings and logs
 * have not been examined at all: they stay not assessed, so signing needs the SRO to accept
 * them as exceptions, and the pack lists them.
 */
export const SELF_ASSESSED_CLAIMS: readonly SelfAssessedClaim[] = [
  // 1.1 Secure development framework
  {
    claimId: '1.1.1',
    result: 'partially-met',
    status: 'done',
    evidenceText:
      'Architecture notes (the rules every module keeps), the threat model, the test plan and the lint rules that enforce the layering, all in the repository.',
    arguments:
      'Our way of working is written down piece by piece (design rules, threat modelling, testing, configuration in version control), but not as one framework document, and it is not mapped to a recognised framework such as NIST SSDF. Governance and roles are not written down at all.',
    evidence: ['architecture', 'threat-model', 'test-plan', 'lint-config'],
    actions: [
      {
        description:
          'Write a one-page secure development policy that maps our practice to the NIST SSDF (SP 800-218) practice groups and names who is responsible for each stage.',
        owner: LEAD,
        dueInDays: 90,
      },
    ],
  },
  {
    claimId: '1.1.2',
    result: 'not-met',
    status: 'done',
    evidenceText: 'None: there are no training records.',
    arguments:
      'Contributors learn the rules from the architecture notes and the lint rules reject the commonest mistakes, but nobody has recorded who was trained, on what, or when. We cannot claim this.',
    evidence: [],
    actions: [
      {
        description:
          'Keep a training log: each maintainer completes secure-coding training (OWASP Secure Coding Practices or equivalent) and a walk-through of docs/architecture.md and docs/threat-model.md; record name, course and date, and repeat yearly.',
        owner: LEAD,
        dueInDays: 120,
      },
    ],
  },
  {
    claimId: '1.1.3',
    result: 'partially-met',
    status: 'done',
    evidenceText:
      'package.json and package-lock.json pin every development tool; the build SBOM (generated when this pack was made) lists each tool with its version.',
    arguments:
      "The compiler, linter, test runner and packager are on current major versions and pinned by the lockfile. package.json asks for Node.js 22.13+ or 24, a test checks that every installed package accepts those, and the command line's tests also run on Node.js 24 (npm run test:node24). But the build machines have only Node.js 20, which reached its end of life on 30 April 2026, so the whole suite still runs there, with Node 20 type definitions. Tool updates are made by hand, with no scheduled check.",
    evidence: ['package-manifest', 'lockfile', 'sbom-build'],
    actions: [
      {
        description:
          'Run the whole test suite on Node.js 24 (build machines with Node 24, or the fetched binary for every suite) and move the type definitions to Node.js 22.',
        owner: MAINTAINERS,
        dueInDays: 30,
      },
      {
        description:
          'Add a weekly automated check for outdated development tools and dependencies, with an owner for each update it proposes.',
        owner: RELEASE,
        dueInDays: 60,
      },
    ],
  },
  {
    claimId: '1.1.4',
    result: 'partially-met',
    status: 'done',
    evidenceText:
      'Source, build and release scripts (package.json scripts, scripts/), the CI script (.ci/run), lint and test configuration, the lockfile and the documentation are all in the git repository.',
    arguments:
      'Everything needed to rebuild the software is in version control. The configuration items are not listed in one place, and there is no evidence that changes to the main branch must be reviewed: branch protection has not been set up or recorded.',
    evidence: ['ci-script', 'lint-config', 'vitest-config', 'lockfile', 'packaging-config'],
    actions: [
      {
        description:
          'Protect the main branch on the repository host (reviewed pull requests only, passing CI required) and attach a record of the settings to the next self-assessment.',
        owner: LEAD,
        dueInDays: 30,
      },
    ],
  },
  {
    claimId: '1.1.5',
    result: 'partially-met',
    status: 'done',
    evidenceText:
      'The README states what the product must do and for whom (offline, never loses work, never makes a network request); the architecture notes record the rules every module keeps; the threat model records the security requirements and the test plan maps suites to what they check.',
    arguments:
      'Requirements, security requirements included, are recorded and many are traced to tests through the threat model. There is no single requirements list with a trace from each requirement to its tests.',
    evidence: ['readme', 'architecture', 'threat-model', 'test-plan'],
    actions: [
      {
        description: 'Keep a requirements list (functional and security) in the repository, each entry linked to the tests that check it.',
        owner: LEAD,
        dueInDays: 120,
      },
    ],
  },
  {
    claimId: '1.1.6',
    result: 'partially-met',
    status: 'done',
    evidenceText:
      "The README and the architecture notes describe the users (a vendor's SRO, not a developer, on a locked-down or air-gapped laptop) and the design choices that follow.",
    arguments:
      'The design follows from a stated user need (offline, plain-language errors, a pack recipients verify with free tools) and from what users of comparable tools asked for. We have not yet tested the product with real SROs, so the need is assumed, not observed.',
    evidence: ['readme', 'architecture'],
    actions: [
      {
        description: 'Run usability sessions with at least three SROs or compliance leads and record what changed as a result.',
        owner: LEAD,
        dueInDays: 180,
      },
    ],
  },

  // 1.2 Composition and third-party risk
  {
    claimId: '1.2.1',
    result: 'met',
    status: 'done',
    evidenceText:
      'Two CycloneDX SBOMs generated from package-lock.json when this pack was made: what ships (runtime packages, the Electron runtime, bundled fonts) and everything including build and test tools. The generator script runs in every build.',
    arguments:
      'Every npm component is identified from the lockfile, with version, package URL and hash; the Electron runtime is added although package.json files it under development tools; bundled fonts are listed as files with their SHA-256. Components compiled into native modules (SQLite inside better-sqlite3) are covered by their npm package entry, not listed separately.',
    evidence: ['sbom', 'sbom-build', 'sbom-script', 'lockfile'],
  },
  {
    claimId: '1.2.2',
    result: 'met',
    status: 'done',
    evidenceText:
      'package-lock.json holds a SHA-512 integrity hash for every package; the CI script installs with npm ci, which refuses a package whose hash differs.',
    arguments:
      "Every install checks every package against the lockfile, so a tampered package or a changed version fails the install. We assume the registry content was genuine when a package was first locked; no signature check beyond npm's is made. Operating-system packages for the test tools come from signed Debian repositories.",
    evidence: ['lockfile', 'ci-script'],
  },
  {
    claimId: '1.2.3',
    result: 'partially-met',
    status: 'done',
    evidenceText:
      'New components enter through a change to package.json and package-lock.json, which the whole test suite then runs against.',
    arguments:
      'A new component cannot ship without the full suite passing over it, and the libraries for the riskiest work (PDF writing, CMS signatures) were chosen after measured comparisons. But there is no written adoption procedure covering licence, maintenance and known vulnerabilities, and no record of each decision.',
    evidence: ['package-manifest', 'ci-script', 'test-plan'],
    actions: [
      {
        description:
          'Adopt a component checklist (licence, maintainers and activity, known vulnerabilities, size and install scripts, fit) and record a completed checklist for each new dependency in its pull request.',
        owner: MAINTAINERS,
        dueInDays: 60,
      },
    ],
  },
  {
    claimId: '1.2.4',
    result: 'partially-met',
    status: 'done',
    evidenceText:
      'The CI script and the test plan: every change, a dependency update included, runs lint, type checks, unit, integration and end-to-end tests.',
    arguments:
      'An updated component goes through the same suite as a code change. We assume every update was merged only after CI passed: there is no retained record of CI runs to show it.',
    evidence: ['ci-script', 'test-plan', 'test-report'],
    actions: [
      {
        description: 'Keep CI logs and test reports for every merged dependency update for at least one year.',
        owner: RELEASE,
        dueInDays: 60,
      },
    ],
  },
  {
    claimId: '1.2.5',
    result: 'partially-met',
    status: 'done',
    evidenceText:
      'The support policy: dependency updates ship in the scheduled release every 8 weeks, and out of band when one fixes a vulnerability that affects us.',
    arguments: 'The process is written down but not automated, and it has not yet been exercised: no release has been published.',
    evidence: ['support-policy'],
    actions: [
      {
        description:
          "Automate dependency update proposals (weekly) and record each scheduled release's dependency changes in its release notes.",
        owner: RELEASE,
        dueInDays: 60,
      },
    ],
  },

  // 1.3 Testing
  {
    claimId: '1.3.1',
    result: 'partially-met',
    status: 'done',
    evidenceText:
      'The test plan (docs/testing.md) lists every suite and what it covers; the threat model points each security control at the test that proves it.',
    arguments:
      'The plan covers the requirements through unit, integration, PDF-tool, tamper, fuzz, kill and end-to-end tests, and third-party components through integration tests with the real libraries and tools. It has no measured code-coverage baseline and no independent penetration test, and it lists what only a real desktop run can check because those checks are not automated.',
    evidence: ['test-plan', 'threat-model', 'test-report'],
    actions: [
      { description: 'Measure code coverage, record a baseline and fail CI when it drops.', owner: MAINTAINERS, dueInDays: 90 },
      {
        description:
          'Automate the desktop-only checks listed in docs/testing.md on a machine that can run Electron, or record a manual run before each release.',
        owner: RELEASE,
        dueInDays: 120,
      },
    ],
  },
  {
    claimId: '1.3.2',
    result: 'met',
    status: 'done',
    evidenceText: 'The CI script runs the whole plan on a fresh machine with one command (npm test); the test runner configuration.',
    arguments:
      'All automated tests run unattended and repeatably on real SQLite files, real temp folders and real PDF tools; no test asserts on timing. The checks that need a real Electron desktop are not automated (see 1.3.1).',
    evidence: ['ci-script', 'vitest-config', 'package-manifest', 'test-report'],
  },
  {
    claimId: '1.3.3',
    result: 'met',
    status: 'done',
    evidenceText: 'The lint configuration forbids skipped or focused tests; the CI script fails when any test fails.',
    arguments:
      'A failing test cannot be silenced by skipping it, so a defect found by a test must be fixed before CI passes. We assume nobody deletes a failing test instead; review of changes (see 1.1.4) is what would catch that.',
    evidence: ['lint-config', 'ci-script'],
  },

  // 1.4 Secure by design and by default
  {
    claimId: '1.4.1',
    result: 'met',
    status: 'done',
    evidenceText:
      'The threat model: assets, trust boundaries, STRIDE threats, and the control for each with the code and the test that prove it.',
    arguments:
      'The threat model shaped the design (signing keys sealed, services outside Electron, a verifier that requires whole-document signatures). It is kept true by a test that fails when a file it names disappears.',
    evidence: ['threat-model'],
  },
  {
    claimId: '1.4.2',
    result: 'not-applicable',
    status: 'done',
    evidenceText: 'Not applicable: the product has no user accounts and no privileged users.',
    arguments:
      "SSCP Evidence Pack is a single-user desktop app and command line with no server, no accounts and no administrative role; access to it is the operating system's sign-in. Signing needs the passphrase that seals the key. Multi-factor sign-in to our own build environment is claim 2.1.5.",
    evidence: [],
  },
  {
    claimId: '1.4.3',
    result: 'met',
    status: 'done',
    evidenceText:
      'Source: the passphrase rules (at least 12 characters, chosen by the user, never stored) and the key vault; the threat model.',
    arguments:
      'There is no default passphrase and no built-in credential of any kind. The only exception is the demo identity that sscp demo creates, whose random passphrase is written beside it on purpose and which is documented as not for real use.',
    evidence: ['passphrase-rules', 'key-vault', 'threat-model'],
  },
  {
    claimId: '1.4.4',
    result: 'met',
    status: 'done',
    evidenceText:
      'Source: the schemas that check every argument from the user interface; the threat model lists the checks on imported packs, Word forms and evidence files with their tests.',
    arguments:
      'Every value crossing from the renderer is parsed against a bounded schema; database access uses prepared statements; imported files are checked before use (see the threat model). We assume the parsers of the third-party libraries we rely on are themselves sound.',
    evidence: ['ipc-schemas', 'threat-model', 'test-plan'],
  },
  {
    claimId: '1.4.5',
    result: 'partially-met',
    status: 'done',
    evidenceText:
      'Source: the key vault seals signing keys with AES-256-GCM under a key derived from the passphrase with scrypt; the threat model.',
    arguments:
      "Signing keys are never stored unsealed and passphrases are never stored. Evidence files and the database are not encrypted by the app: they rely on the laptop's disk encryption, which is an assumption about the customer's machine, stated in the support policy.",
    evidence: ['key-vault', 'threat-model', 'support-policy'],
    actions: [
      {
        description:
          'Decide whether to encrypt confidential evidence at rest in the workspace, and record the decision and its reasons in the threat model.',
        owner: LEAD,
        dueInDays: 120,
      },
    ],
  },

  // 2.1 Build environment access
  {
    claimId: '2.1.1',
    result: 'not-met',
    status: 'done',
    evidenceText: 'None: no access policy or role definitions for the repository, CI or release publishing.',
    arguments:
      "The build environment is the repository host, its CI and maintainers' own machines. Who may reach what is not written down.",
    evidence: [],
    actions: [
      {
        description:
          'Write an access policy: the roles (maintainer, release manager, contributor), what each may reach on the repository host and CI, and least privilege for each.',
        owner: LEAD,
        dueInDays: 60,
      },
    ],
  },
  {
    claimId: '2.1.2',
    result: 'not-assessed',
    status: 'in-progress',
    evidenceText: 'None.',
    arguments:
      'Not assessed. Whether build-environment users must sign in again regularly depends on the session settings of the repository host and CI service the project will use, and nobody has examined them. We cannot say met or not met until someone has; signing with this claim open is an exception the SRO accepts.',
    evidence: [],
    actions: [
      {
        description:
          "Examine and record the repository host's and CI service's session and re-authentication settings for the project, then assess this claim; require re-authentication for publishing releases and changing settings.",
        owner: LEAD,
        dueInDays: 60,
      },
    ],
  },
  {
    claimId: '2.1.3',
    result: 'not-met',
    status: 'done',
    evidenceText: 'None.',
    arguments:
      'There are no role-bound credentials yet: no release-publishing or code-signing credential exists. Personal accounts are used for everything.',
    evidence: [],
    actions: [
      {
        description:
          'Create separate, role-bound credentials for release publishing and code signing when they are introduced, scoped to that role only.',
        owner: RELEASE,
        dueInDays: 90,
      },
    ],
  },
  {
    claimId: '2.1.4',
    result: 'not-met',
    status: 'done',
    evidenceText: 'None.',
    arguments:
      'No credentials are kept in the repository, but there is no written process for issuing, storing, rotating or revoking build-environment credentials.',
    evidence: [],
    actions: [
      {
        description:
          'Write the credential process (issue, store in the CI secret store or a hardware token, rotate, revoke on leaving) and add secret scanning to CI.',
        owner: RELEASE,
        dueInDays: 90,
      },
    ],
  },
  {
    claimId: '2.1.5',
    result: 'not-met',
    status: 'done',
    evidenceText: 'None: multi-factor sign-in is not enforced or recorded.',
    arguments:
      'Maintainers may use multi-factor sign-in on the repository host, but the project does not enforce it and has no record of it.',
    evidence: [],
    actions: [
      {
        description:
          'Require phishing-resistant multi-factor sign-in for every account with write access to the repository or CI, and attach the enforcement setting to the next self-assessment.',
        owner: LEAD,
        dueInDays: 30,
      },
    ],
  },
  {
    claimId: '2.1.6',
    result: 'not-met',
    status: 'done',
    evidenceText: 'None: no access reviews have been held.',
    arguments: 'Nobody has reviewed who has access to the repository, CI or release publishing.',
    evidence: [],
    actions: [
      {
        description:
          'Review access to the repository host, CI and release publishing every quarter; remove what is no longer needed and keep the record.',
        owner: LEAD,
        dueInDays: 90,
      },
    ],
  },

  // 2.2 Changes to the build environment
  {
    claimId: '2.2.1',
    result: 'not-assessed',
    status: 'in-progress',
    evidenceText: 'None beyond the git history of the build scripts.',
    arguments:
      'Not assessed. Every change to the build scripts, the CI script and the lockfile is recorded in git with its author, but access to the build environment and changes to its settings are logged, if at all, by the repository host and CI service, and nobody has looked at what they record. Signing with this claim open is an exception the SRO accepts.',
    evidence: [],
    actions: [
      {
        description:
          'Find out what the repository host and CI service log about access and settings changes, assess this claim, and export those logs monthly (kept as in 2.2.3).',
        owner: RELEASE,
        dueInDays: 60,
      },
    ],
  },
  {
    claimId: '2.2.2',
    result: 'not-met',
    status: 'done',
    evidenceText: 'None.',
    arguments:
      'Without branch protection and an access policy (1.1.4, 2.1.1) we cannot show that only authorised people can change the build scripts or CI.',
    evidence: [],
    actions: [
      {
        description: 'Protect the build scripts, the CI script and the lockfile with code-owner review by a maintainer.',
        owner: LEAD,
        dueInDays: 30,
      },
    ],
  },
  {
    claimId: '2.2.3',
    result: 'not-met',
    status: 'done',
    evidenceText: 'None.',
    arguments:
      "Git history is permanent and auditable, but no retention period has been agreed for CI logs or the repository host's audit log.",
    evidence: [],
    actions: [
      {
        description:
          'Agree and publish a retention period (at least two years) for CI logs and audit logs, and store them where it is met.',
        owner: RELEASE,
        dueInDays: 90,
      },
    ],
  },
  {
    claimId: '2.2.4',
    result: 'not-met',
    status: 'done',
    evidenceText: 'None.',
    arguments:
      'Git commits are hash-chained, so history cannot be altered unnoticed once others hold copies; commits are not signed, and exported logs do not exist yet (2.2.1) so their protection cannot be shown.',
    evidence: [],
    actions: [
      {
        description: 'Require signed commits on the main branch and store exported logs read-only with a recorded hash.',
        owner: RELEASE,
        dueInDays: 90,
      },
    ],
  },

  // 3.1 Secure distribution
  {
    claimId: '3.1.1',
    result: 'partially-met',
    status: 'done',
    evidenceText:
      'The checksum script writes SHA256SUMS for every release artefact; the README and the support policy tell customers how to check a download; the SBOM lists each component with its hash.',
    arguments:
      'Customers can check a download with sha256sum against SHA256SUMS taken from the release page. The installers are not yet code-signed and SHA256SUMS is not signed, so the check relies on the release page itself being genuine.',
    evidence: ['checksums-script', 'readme', 'support-policy', 'sbom'],
    actions: [
      {
        description:
          "Code-sign the Windows and macOS installers (and notarise on macOS), and sign SHA256SUMS with the maintainers' published OpenPGP key.",
        owner: RELEASE,
        dueInDays: 120,
      },
    ],
  },
  {
    claimId: '3.1.2',
    result: 'partially-met',
    status: 'done',
    evidenceText:
      "The support policy: releases are fetched over HTTPS from the repository host's release page only; the app itself never downloads anything.",
    arguments:
      'The channel is defined, and the app cannot be updated by any other route because it makes no network requests. No release has been published through it yet.',
    evidence: ['support-policy'],
    actions: [
      {
        description: "Publish the first release on the repository host's release page with SHA256SUMS and the SBOM, following SUPPORT.md.",
        owner: RELEASE,
        dueInDays: 60,
      },
    ],
  },

  // 3.2 Vulnerability disclosure
  {
    claimId: '3.2.1',
    result: 'met',
    status: 'done',
    evidenceText:
      'SECURITY.md: the vulnerability disclosure policy, with scope, response times, coordinated disclosure, safe harbour and what we publish.',
    arguments:
      "The policy is in the repository root, where the repository host shows it on the Security tab. It follows the NCSC Vulnerability Disclosure Toolkit's outline.",
    evidence: ['security-policy'],
  },
  {
    claimId: '3.2.2',
    result: 'partially-met',
    status: 'done',
    evidenceText:
      "SECURITY.md: reports go through the repository's private vulnerability reporting, or by encrypted email to the maintainers.",
    arguments:
      "The confidential route is described, but it depends on private vulnerability reporting being switched on for the hosted repository, and the maintainers' email address and key fingerprint are to be printed in release notes that do not exist yet.",
    evidence: ['security-policy'],
    actions: [
      {
        description:
          "Switch on private vulnerability reporting for the hosted repository, and publish the maintainers' security address and OpenPGP key fingerprint in the first release notes.",
        owner: LEAD,
        dueInDays: 30,
      },
    ],
  },

  // 3.3 Vulnerability management
  {
    claimId: '3.3.1',
    result: 'partially-met',
    status: 'done',
    evidenceText: 'The SBOM and the lockfile identify every component and version, ready to match against vulnerability databases.',
    arguments:
      'Nothing checks the components against public vulnerability data automatically yet: npm audit needs a network connection and is not part of CI.',
    evidence: ['sbom', 'lockfile'],
    actions: [
      {
        description:
          'Run a vulnerability scan of the SBOM (npm audit or OSV-Scanner) in CI on every change and weekly, on a machine with network access, and triage each finding.',
        owner: RELEASE,
        dueInDays: 30,
      },
    ],
  },
  {
    claimId: '3.3.2',
    result: 'met',
    status: 'done',
    evidenceText: 'SECURITY.md: triage within 10 working days with a CVSS severity, and a target time to fix for each severity.',
    arguments:
      'The plan assesses and prioritises every confirmed vulnerability, whether reported or found in a component. It has not yet been needed; a tabletop run of it is planned.',
    evidence: ['security-policy'],
    actions: [
      {
        description: 'Rehearse the response plan once with a made-up vulnerability in a dependency, and record what was learned.',
        owner: LEAD,
        dueInDays: 180,
      },
    ],
  },

  // 3.4 Reporting vulnerabilities
  {
    claimId: '3.4.1',
    result: 'met',
    status: 'done',
    evidenceText:
      'SECURITY.md: every maintainer is added to the private advisory as soon as a report is triaged; the advisory records who knew what and when.',
    arguments: 'In a project this size the maintainers are the security team; the private advisory is the single place they are told.',
    evidence: ['security-policy'],
  },
  {
    claimId: '3.4.2',
    result: 'partially-met',
    status: 'done',
    evidenceText:
      'SECURITY.md: advisories with affected and fixed versions, CVE where applicable, published with the release notes; customers who asked to be told are emailed the same day.',
    arguments:
      "The app makes no network request, so it cannot tell users itself; customers must watch the repository's releases and advisories, which the policy explains. There is no register yet of customers who asked to be told.",
    evidence: ['security-policy'],
    actions: [
      {
        description: 'Keep a register of customers and packagers who asked to be told of vulnerabilities, with a tested mailing route.',
        owner: RELEASE,
        dueInDays: 90,
      },
    ],
  },

  // 3.5 Security updates
  {
    claimId: '3.5.1',
    result: 'met',
    status: 'done',
    evidenceText:
      'SECURITY.md and SUPPORT.md: out-of-band releases for critical (7 days) and high (30 days) issues; security fixes free for every supported version.',
    arguments:
      'No security update has been needed yet. The build produces a complete, checksummed release with one command (npm run dist), so an out-of-band release is not held up by the process.',
    evidence: ['security-policy', 'support-policy', 'package-manifest'],
  },
  {
    claimId: '3.5.2',
    result: 'met',
    status: 'done',
    evidenceText:
      "Every release runs the whole test plan, an Electron security scan included; the app's window is sandboxed with a strict content security policy, and the packaged app has its Electron fuses set, by default.",
    arguments:
      'Updates go through the same tests as any change (1.3), and npm test fails on any Electron security finding that has not been triaged. Secure settings are the defaults, not options: there is nothing for a customer to switch on.',
    evidence: ['test-plan', 'ci-script', 'window-hardening', 'content-security-policy', 'packaging-config', 'electronegativity-triage'],
  },

  // 4.1 Support and maintenance
  {
    claimId: '4.1.1',
    result: 'partially-met',
    status: 'done',
    evidenceText:
      'SUPPORT.md: the supported-versions table and the support of each component we depend on (Electron, Node.js, packages, operating systems).',
    arguments:
      'The rule for end-of-support dates is published, and for components we state how we follow upstream support. No end date has been set for the 0.1 line yet, so none is published.',
    evidence: ['support-policy'],
    actions: [
      {
        description: 'Publish the end-of-support date of the 0.1 line in SUPPORT.md the day the next line ships.',
        owner: RELEASE,
        dueInDays: 120,
      },
    ],
  },
  {
    claimId: '4.1.2',
    result: 'met',
    status: 'done',
    evidenceText:
      'SUPPORT.md: scheduled releases every 8 weeks, out-of-band security releases, and step-by-step instructions to verify and apply an update, air-gapped machines included.',
    arguments: 'The policy is published in the repository beside the code it applies to.',
    evidence: ['support-policy'],
  },
  {
    claimId: '4.1.3',
    result: 'partially-met',
    status: 'done',
    evidenceText: 'SUPPORT.md (applying updates, using the software securely) and the README (the command line, checking downloads).',
    arguments:
      'Updating and secure use are documented, but for a technical reader; there is no user guide written for an SRO who is not a developer.',
    evidence: ['support-policy', 'readme'],
    actions: [
      {
        description: 'Write a short user guide for SROs: a first assessment, signing, giving recipients the root certificate, updating.',
        owner: LEAD,
        dueInDays: 120,
      },
    ],
  },

  // 4.2 End of support notice
  {
    claimId: '4.2.1',
    result: 'met',
    status: 'done',
    evidenceText:
      'SUPPORT.md: end of support for the product is announced at least one year ahead, with security fixes through the notice year; old lines keep security fixes for 12 months.',
    arguments: 'Signed packs stay verifiable after support ends because they are checked with standard tools (pdfsig, openssl).',
    evidence: ['support-policy'],
  },

  // 4.3 Incidents
  {
    claimId: '4.3.1',
    result: 'met',
    status: 'done',
    evidenceText:
      'SECURITY.md, "Incidents": what counts, first notice within 72 hours, weekly updates, a post-incident report with root cause within 30 days.',
    arguments: 'The plan is published in advance, where customers already look for security information.',
    evidence: ['security-policy'],
  },
  {
    claimId: '4.3.2',
    result: 'partially-met',
    status: 'done',
    evidenceText: 'SECURITY.md: incidents are announced as security advisories and in the release notes.',
    arguments:
      'Customers are told through channels they must watch; without a register of customers (3.4.2) we cannot reach them directly and promptly.',
    evidence: ['security-policy'],
    actions: [
      {
        description: 'Use the customer register from 3.4.2 for incident notices too, and test the route once.',
        owner: RELEASE,
        dueInDays: 90,
      },
    ],
  },
];
