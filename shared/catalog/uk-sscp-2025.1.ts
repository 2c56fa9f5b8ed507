import { deepFreeze } from './deep-freeze';
import type { Catalog } from './types';

/**
 * The Software Security Code of Practice (May 2025), version 2025.1 of our catalog.
 *
 * Shipped versions are frozen: `test/shared/catalog/catalog-hash.test.ts` compares this
 * data's hash with `catalog-hashes.ts`. A corrected text or numbering ships as a new file and
 * a new version, so assessments made against this one still read as they were signed.
 *
 * All wording is our own summary of the Code, its implementation guidance and NCSC's
 * Assurance Principles and Claims. The positions of claims 2.1.6 (access review) and 4.3.1
 * (incident plan) are our best reading; some copies of the official form omit them.
 */
export const ukSscp2025v1: Catalog = deepFreeze({
  id: 'uk-sscp',
  version: '2025.1',
  title: 'Software Security Code of Practice',
  source:
    'Software Security Code of Practice, Department for Science, Innovation and Technology and the National Cyber Security Centre, May 2025, also published jointly with the Canadian Centre for Cyber Security; claims follow the NCSC Assurance Principles and Claims (APC) for the Code.',
  themes: [
    {
      id: '1',
      title: 'Secure design and development',
      description:
        'The software is built to be secure from the start: a recognised way of working, known components, proper testing, and security designed in and switched on by default.',
      principles: [
        {
          id: '1.1',
          title: 'Work to a recognised secure development framework',
          statement:
            'The organisation builds its software using a recognised, documented approach to secure development, and its people and tools support that approach.',
          guidance: [
            'A framework should cover at least threat modelling, requirements capture, governance and roles, secure coding, test strategy, data management and configuration management.',
            'Recognised frameworks include NIST SSDF, Microsoft SDL, OWASP SAMM, SLSA and S2C2F; an in-house framework is fine if it covers the same ground.',
          ],
          claims: [
            {
              id: '1.1.1',
              title: 'The development framework is documented',
              statement:
                'The secure development framework the organisation uses is written down, so that everyone can see what is expected at each stage of development.',
              guidance: [
                'Name the framework (for example NIST SSDF or Microsoft SDL) or describe the in-house equivalent.',
                'Check it covers threat modelling, secure coding, testing, data and configuration management, and who is responsible for what.',
              ],
              typicalEvidence: [
                'The secure development policy or framework document, with owner and review date',
                'A mapping of the in-house process to a recognised framework',
                'Interview with the head of engineering on how the framework is applied',
              ],
            },
            {
              id: '1.1.2',
              title: 'Developers are trained in the framework and tools',
              statement:
                'People who build the software have been trained in the secure development framework and in the tools it relies on, and that training is kept current.',
              guidance: [
                'Training can be formal courses, qualifications or structured on-the-job learning such as secure coding standards.',
                'Keep a record of who was trained, on what, and when, including new joiners.',
              ],
              typicalEvidence: [
                'Training records or a training matrix for the development team',
                'Course materials or certificates for secure coding training',
                'Interviews with developers about the framework and tools they use',
              ],
            },
            {
              id: '1.1.3',
              title: 'Development tools are maintained and up to date',
              statement:
                'The tools used to write, build and check the software are looked after and kept on supported, up-to-date versions.',
              guidance: [
                'Keep a list of development and build tools with their versions and owners.',
                'Apply updates to tools on a schedule, and replace tools that are no longer supported.',
              ],
              typicalEvidence: [
                'An inventory of development tools with versions and support status',
                'Tool update or patching records',
                'Configuration of automated dependency or tool update checks',
              ],
            },
            {
              id: '1.1.4',
              title: 'Configuration items are under version control',
              statement:
                'Everything that needs to be controlled to reproduce the software (code, build scripts, configuration, documentation) is identified and kept in version control.',
              guidance: [
                'Decide which items are configuration items: source code, build and deployment scripts, infrastructure configuration, key documents.',
                'Protect the main branches so changes go through review.',
              ],
              typicalEvidence: [
                'The configuration management plan listing controlled items',
                'Version control repository settings, including branch protection',
                'A sample of change history showing reviewed changes',
              ],
            },
            {
              id: '1.1.5',
              title: 'Requirements are captured and recorded',
              statement: 'What the software must do, including its security needs, is gathered and recorded before and during development.',
              guidance: [
                'Include security and resilience requirements, not only features.',
                'Keep requirements traceable to design and to tests.',
              ],
              typicalEvidence: [
                'Requirements documents or a requirements backlog with security requirements marked',
                'Traceability from requirements to test cases',
                'Interview with a product owner on how requirements are gathered',
              ],
            },
            {
              id: '1.1.6',
              title: 'Design is based on user need',
              statement:
                'The software is designed around what its users actually need, so it does what is required without adding unnecessary features or exposure.',
              guidance: [
                'Record how user needs were found (research, customer input, service standards).',
                'Leaving out features nobody needs also reduces what an attacker can reach.',
              ],
              typicalEvidence: [
                'User research findings or user stories tied to the design',
                'Design documents showing decisions made from user need',
                'Product roadmap or backlog reviews',
              ],
            },
          ],
        },
        {
          id: '1.2',
          title: 'Know what the software is made of and manage third-party risk',
          statement:
            'The organisation knows every component in its software, including those from third parties, and assesses and manages the risks they bring throughout development and maintenance.',
          guidance: [
            'Keep an inventory of every component, build tools included; a software bill of materials (SBOM) is one format but is not required.',
            'Be ready to share the component inventory with customers.',
          ],
          claims: [
            {
              id: '1.2.1',
              title: 'All third-party components are identified',
              statement: 'Every third-party component in the software, whether open source or licensed, is identified and recorded.',
              guidance: [
                'Include components used to build the software, not only those shipped in it.',
                'Generate the inventory automatically where possible so it stays current with each release.',
              ],
              typicalEvidence: [
                'A software bill of materials (SBOM) or component inventory for a recent release',
                'Configuration of the software composition analysis tool',
                'Interview with the engineer who maintains the inventory',
              ],
            },
            {
              id: '1.2.2',
              title: 'Integrity of components and updates is verified',
              statement:
                'Before a component or an update to it is used, the organisation checks it is genuine and has not been tampered with.',
              guidance: [
                'Use checksums, signatures or a trusted internal package mirror.',
                'Pin versions and verify lock-file hashes in the build.',
              ],
              typicalEvidence: [
                'Build configuration showing checksum or signature checks',
                'Package manager lock files with integrity hashes',
                'Policy on approved sources for third-party components',
              ],
            },
            {
              id: '1.2.3',
              title: 'Components are tested before first use',
              statement: 'A new third-party component is tested and its risk assessed before it is first deployed in the software.',
              guidance: [
                'Check licence, maintenance activity, known vulnerabilities and fit before adopting a component.',
                'Record the decision to adopt and who made it.',
              ],
              typicalEvidence: [
                'A component approval procedure and completed approval records',
                'Test results for a recently introduced component',
                'Vulnerability scan output for new components',
              ],
            },
            {
              id: '1.2.4',
              title: 'Component updates are tested',
              statement: 'Updates to third-party components are tested before they are released in the software.',
              guidance: [
                'Run the normal test suite against updated components before release.',
                'Review the change notes of significant updates for security impact.',
              ],
              typicalEvidence: [
                'Test runs or pipeline logs for a dependency update',
                'Change records for component upgrades',
                'Audit of a sample of component updates against the test plan',
              ],
            },
            {
              id: '1.2.5',
              title: 'Component updates are managed and rolled out',
              statement: 'There is a defined process for tracking, prioritising and rolling out updates to third-party components.',
              guidance: [
                'Say who monitors component updates and how quickly security updates are applied.',
                'Automated update tools help, but someone must own the decisions.',
              ],
              typicalEvidence: [
                'The dependency management procedure',
                'Configuration of an automated dependency update tool',
                'Records showing time taken to apply recent security updates',
              ],
            },
          ],
        },
        {
          id: '1.3',
          title: 'Test software and updates before distribution',
          statement:
            'The organisation has a clear, repeatable process for testing its software and every update before it reaches customers.',
          guidance: [
            'Combine static and dynamic analysis, peer review, unit and integration tests (fuzzing included) and penetration testing.',
            'Set a baseline for code coverage and watch it over time.',
          ],
          claims: [
            {
              id: '1.3.1',
              title: 'A test plan covers requirements and components',
              statement: "A test plan exists that covers all of the software's requirements and the third-party components it uses.",
              guidance: [
                'Trace each requirement, security requirements included, to one or more tests.',
                'Include security testing such as static analysis and penetration tests.',
              ],
              typicalEvidence: [
                'The test plan or test strategy document',
                'A requirements-to-tests traceability matrix',
                'Penetration test scope and report',
              ],
            },
            {
              id: '1.3.2',
              title: 'Testing is automated and repeatable',
              statement: 'Where possible, the test plan runs automatically and gives the same results each time it is run.',
              guidance: ['Run tests in the build pipeline on every change.', 'Record where manual testing remains and why.'],
              typicalEvidence: [
                'Continuous integration pipeline configuration',
                'Recent automated test run results',
                'Code coverage reports',
              ],
            },
            {
              id: '1.3.3',
              title: 'Defects found in testing are fixed',
              statement: 'Problems found during testing are recorded, prioritised and fixed before release, or formally accepted.',
              guidance: [
                'Track defects in a system with severity and owner.',
                'Security defects should block release unless a senior person accepts the risk in writing.',
              ],
              typicalEvidence: [
                'Defect tracker extracts showing found and fixed issues',
                'Release criteria that block on open security defects',
                'Risk acceptance records for deferred defects',
              ],
            },
          ],
        },
        {
          id: '1.4',
          title: 'Build security in and switch it on by default',
          statement:
            'Security is designed into the software from the start and its safest settings are on by default, throughout its development lifecycle.',
          guidance: [
            'Turn on phishing-resistant multi-factor authentication by default for privileged users.',
            'No default passwords, no hard-coded credentials, parameterised database queries and standard, well-reviewed cryptography.',
          ],
          claims: [
            {
              id: '1.4.1',
              title: 'Threat modelling informs the design',
              statement:
                'The design of the software is shaped by threat modelling that considers how it could be attacked and what protections are needed.',
              guidance: [
                'Repeat threat modelling when the design changes significantly.',
                'Record the threats found and the design decisions they led to.',
              ],
              typicalEvidence: [
                'Threat model documents for the product',
                'Design review records referencing identified threats',
                'Interview with the architect about the threat modelling process',
              ],
            },
            {
              id: '1.4.2',
              title: 'Privileged users must use multi-factor sign-in',
              statement:
                'Anyone with administrative or other privileged access to the software must sign in with multi-factor authentication.',
              guidance: [
                'Prefer phishing-resistant methods such as security keys or passkeys.',
                'Make it on by default rather than an option customers must find.',
              ],
              typicalEvidence: [
                'Product configuration showing multi-factor authentication enforced for administrators',
                'Test results demonstrating admin sign-in requires a second factor',
                'Product security documentation for customers',
              ],
            },
            {
              id: '1.4.3',
              title: 'No default or persistent passwords',
              statement: 'The software ships without default passwords and without fixed passwords that cannot be changed.',
              guidance: [
                'Force a unique credential to be set at installation or first use.',
                'Scan the code for hard-coded secrets as part of the build.',
              ],
              typicalEvidence: [
                'Installation or first-run procedure showing credential set-up',
                'Secret-scanning tool configuration and recent results',
                'Test case checking no default credentials work',
              ],
            },
            {
              id: '1.4.4',
              title: 'Input to the software is validated',
              statement: 'Data entering the software is checked before it is used, so that malformed or malicious input cannot cause harm.',
              guidance: [
                'Use parameterised queries and safe encoding libraries rather than building commands from input.',
                'Test input handling with fuzzing or dynamic analysis.',
              ],
              typicalEvidence: [
                'Secure coding standard covering input validation',
                'Static analysis rules and results for injection flaws',
                'Fuzzing or dynamic testing reports',
              ],
            },
            {
              id: '1.4.5',
              title: 'Credentials and sensitive data are stored securely',
              statement:
                'Passwords, keys and other sensitive data handled by the software are stored protected, using standard cryptography.',
              guidance: [
                'Hash passwords with a modern password-hashing function; encrypt sensitive data at rest.',
                'Keep secrets out of source code and in a managed secret store.',
              ],
              typicalEvidence: [
                'Design documents describing data protection and cryptography used',
                'Code review or static analysis showing no hard-coded secrets',
                'Penetration test findings on data storage',
              ],
            },
          ],
        },
      ],
    },
    {
      id: '2',
      title: 'Build environment security',
      description:
        'The place where the software is compiled and packaged is protected, so that nobody can slip in unauthorised changes and the software released is the software intended.',
      principles: [
        {
          id: '2.1',
          title: 'Protect the build environment from unauthorised access',
          statement:
            'Only the right people and systems can get into the build environment, with access that matches their role and is checked regularly.',
          guidance: [
            'Have an access policy, apply least privilege, and remove leavers promptly.',
            'Multi-factor authentication on every build-environment account is good practice.',
          ],
          claims: [
            {
              id: '2.1.1',
              title: 'Roles define what each user can reach',
              statement: 'Roles are defined for the build environment, setting out which data and functions each role may use.',
              guidance: [
                'Apply least privilege: each role gets only what it needs.',
                'Separate the roles that write code from those that release it where practical.',
              ],
              typicalEvidence: [
                'Build environment access control policy with role definitions',
                'Role and permission configuration exported from the build system',
                'Interview with the build environment administrator',
              ],
            },
            {
              id: '2.1.2',
              title: 'Users re-authenticate regularly',
              statement:
                'People using the build environment must sign in again at regular intervals rather than staying signed in indefinitely.',
              guidance: [
                'Set session time-outs and token lifetimes appropriate to the risk.',
                'Apply the same to service accounts through short-lived credentials.',
              ],
              typicalEvidence: [
                'Session and token lifetime settings in the build system or identity provider',
                'Identity provider policy configuration',
              ],
            },
            {
              id: '2.1.3',
              title: 'Credentials are tied to a role',
              statement:
                'Each credential used in the build environment is linked to a defined role, not shared between people or purposes.',
              guidance: [
                'Avoid shared accounts; give automated jobs their own service identities.',
                'Record which role each service credential belongs to.',
              ],
              typicalEvidence: ['List of accounts and service identities with their assigned roles', 'Policy forbidding shared accounts'],
            },
            {
              id: '2.1.4',
              title: 'Credentials are managed and stored securely',
              statement: 'Credentials for the build environment are issued, stored, rotated and revoked in a controlled, secure way.',
              guidance: [
                'Keep secrets in a managed vault, never in scripts or repositories.',
                'Rotate credentials on a schedule and when someone leaves.',
              ],
              typicalEvidence: [
                'Secret management tool configuration',
                'Credential rotation records',
                'Leaver process records showing access removed',
              ],
            },
            {
              id: '2.1.5',
              title: 'Build environment credentials are multi-factor',
              statement: 'Signing in to the build environment requires more than one factor.',
              guidance: [
                'Enforce multi-factor authentication at the identity provider for every human account.',
                'Prefer phishing-resistant methods for administrators.',
              ],
              typicalEvidence: [
                'Identity provider settings enforcing multi-factor authentication',
                'A report of accounts showing multi-factor enrolment',
              ],
            },
            {
              id: '2.1.6',
              title: 'Access is reviewed regularly',
              statement: 'Access to the build environment is reviewed at regular intervals to confirm each person still needs it.',
              guidance: ['Set a review frequency and a named reviewer.', 'Remove access that is no longer needed and record the outcome.'],
              typicalEvidence: ['Completed access review records with dates and reviewer', 'Tickets showing access removed after review'],
            },
          ],
        },
        {
          id: '2.2',
          title: 'Control and record changes to the build environment',
          statement:
            'Changes to the build environment are limited to authorised people and recorded in logs that are kept safe and can be audited.',
          guidance: [
            'Log who accessed or changed the build environment and when.',
            'Protect logs from tampering and keep them for an agreed period.',
          ],
          claims: [
            {
              id: '2.2.1',
              title: 'Access and changes are logged',
              statement: 'Every access to, and change of, the build environment is recorded in a log.',
              guidance: [
                'Include configuration changes, pipeline changes and administrator actions.',
                'Send logs to a central place outside the build environment.',
              ],
              typicalEvidence: ['Logging configuration for the build system', 'Sample audit log entries for access and changes'],
            },
            {
              id: '2.2.2',
              title: 'Only authorised staff can make changes',
              statement: 'The build environment can only be changed by staff who are authorised to do so.',
              guidance: ['Route changes through a change process with approval.', 'Restrict administrator rights to a small named group.'],
              typicalEvidence: [
                'Change management procedure for the build environment',
                'List of administrators with approval records',
                'Permission settings showing change rights',
              ],
            },
            {
              id: '2.2.3',
              title: 'Logs are auditable and retained',
              statement: 'Build environment logs can be audited and are kept for an agreed period.',
              guidance: [
                'Agree a retention period that fits investigations and contracts.',
                'Check from time to time that logs can actually be searched and read.',
              ],
              typicalEvidence: ['Log retention policy', 'Log platform retention settings', 'Record of a log review or audit'],
            },
            {
              id: '2.2.4',
              title: 'Logs are protected from reading and tampering',
              statement: 'The confidentiality and integrity of build environment logs are protected.',
              guidance: [
                'Restrict who can read logs, and make them append-only or write-once.',
                'Keep logs where build environment administrators cannot alter them.',
              ],
              typicalEvidence: ['Access controls on the log store', 'Configuration showing immutable or write-once log storage'],
            },
          ],
        },
      ],
    },
    {
      id: '3',
      title: 'Secure deployment and maintenance',
      description:
        'The software stays secure for as long as it is in use: it reaches customers safely, vulnerabilities are found, handled and reported, and fixes arrive in good time.',
      principles: [
        {
          id: '3.1',
          title: 'Deliver software to customers securely',
          statement: 'Customers receive the software and its updates in a way that lets them trust what they received.',
          guidance: [
            'Publish from a trusted download location over TLS, sign code, and offer integrity and provenance checks.',
            'Be able to roll back an update that goes wrong.',
          ],
          claims: [
            {
              id: '3.1.1',
              title: 'Customers can verify integrity of software and updates',
              statement:
                'Customers have a way to check that the software and each update are genuine and unaltered, for example through code signing or published checksums.',
              guidance: [
                'Sign releases and updates, and tell customers how to check the signature.',
                'Publish provenance information where possible.',
              ],
              typicalEvidence: [
                'Code signing procedure and certificate details',
                'Published checksums or signature verification instructions',
                'A test showing a tampered package is rejected',
              ],
            },
            {
              id: '3.1.2',
              title: 'Software is delivered over trusted channels',
              statement: 'Software and updates are delivered through channels that protect them in transit and come from a trusted source.',
              guidance: ['Use TLS for downloads and update services.', 'Publish from one well-known official location.'],
              typicalEvidence: [
                'Description of the distribution channels and their security',
                'TLS configuration of download and update services',
              ],
            },
          ],
        },
        {
          id: '3.2',
          title: 'Run and publish a vulnerability disclosure process',
          statement:
            'Anyone who finds a security weakness in the software has a clear, safe way to report it, and the organisation handles reports well.',
          guidance: [
            'The NCSC Vulnerability Disclosure Toolkit is a good starting point.',
            'A security.txt file on the website is the usual way to publish the contact.',
          ],
          claims: [
            {
              id: '3.2.1',
              title: 'A disclosure policy and process are published',
              statement: 'The organisation publishes a vulnerability disclosure policy and has a process behind it for handling reports.',
              guidance: [
                'Say what is in scope, how reports are acknowledged, and expected response times.',
                'Make the policy welcoming to security researchers.',
              ],
              typicalEvidence: [
                'The published vulnerability disclosure policy',
                'The internal procedure for handling reports',
                'The security.txt file or equivalent contact page',
              ],
            },
            {
              id: '3.2.2',
              title: 'Reports can be made confidentially',
              statement: 'The process explains how to report a vulnerability confidentially.',
              guidance: [
                'Offer a dedicated address or form, and a way to encrypt reports if needed.',
                'Limit who inside the organisation can see incoming reports.',
              ],
              typicalEvidence: [
                'The published reporting instructions',
                'Configuration of the reporting mailbox or form and who can access it',
              ],
            },
          ],
        },
        {
          id: '3.3',
          title: 'Find, rank and handle vulnerabilities in components',
          statement:
            'The organisation actively looks for vulnerabilities in the components of its software, decides which matter most, and deals with them in a documented way.',
          guidance: [
            'Triage by severity and follow a tested response playbook.',
            'Report CVEs where appropriate and carry out root-cause analysis.',
          ],
          claims: [
            {
              id: '3.3.1',
              title: 'Knowledge of public vulnerabilities is kept current',
              statement: 'The organisation keeps up to date with publicly known vulnerabilities that affect the components it uses.',
              guidance: [
                'Match the component inventory against vulnerability databases automatically.',
                'Subscribe to advisories from key suppliers.',
              ],
              typicalEvidence: [
                'Vulnerability scanning tool configuration and recent results',
                'Advisory subscriptions',
                'Interview with the person who monitors vulnerabilities',
              ],
            },
            {
              id: '3.3.2',
              title: 'Vulnerabilities are assessed and prioritised',
              statement: 'A vulnerability management plan is used to assess each vulnerability and prioritise the response.',
              guidance: ['Define severity levels and target fix times for each.', 'Test the response playbook and learn from each case.'],
              typicalEvidence: [
                'The vulnerability management plan with severity ratings and target times',
                'Records of recent vulnerabilities and how they were handled',
                'Root-cause analysis reports',
              ],
            },
          ],
        },
        {
          id: '3.4',
          title: 'Tell the right parties about vulnerabilities',
          statement:
            'When a vulnerability is found, the organisation tells those who need to know, such as its own security teams, affected customers, vulnerability databases or regulators, where appropriate.',
          guidance: [
            'Use a risk assessment to decide who should be told and when.',
            'Report to public vulnerability databases (such as CVE) where appropriate.',
          ],
          claims: [
            {
              id: '3.4.1',
              title: 'Internal security teams are informed',
              statement: 'Vulnerabilities are reported to the relevant security teams inside the organisation.',
              guidance: [
                'Define the route from developers or researchers to the security team.',
                'Record when the security team was informed.',
              ],
              typicalEvidence: ['Internal escalation procedure', 'Tickets showing security team involvement in recent vulnerabilities'],
            },
            {
              id: '3.4.2',
              title: 'Affected customers are informed',
              statement: 'Customers affected by a vulnerability are told about it, with advice on what to do.',
              guidance: ['Say whether the advice is a mitigation or a full fix.', 'Keep a contact list of customers for security notices.'],
              typicalEvidence: ['Published security advisories', 'Customer notification templates and sent notices'],
            },
          ],
        },
        {
          id: '3.5',
          title: 'Provide timely security updates and notifications',
          statement: 'Customers receive security updates and patches promptly, together with the information they need about them.',
          guidance: [
            'Security patches are never a paid extra.',
            'Ship out-of-band fixes for critical issues rather than waiting for the next release.',
          ],
          claims: [
            {
              id: '3.5.1',
              title: 'Security updates ship as soon as practicable',
              statement: 'Security updates are made available to customers as soon as it is practicable to do so.',
              guidance: [
                'Set target times by severity and measure against them.',
                'Use out-of-band releases for critical vulnerabilities.',
              ],
              typicalEvidence: ['Patch release policy with target times', 'Release history showing time from discovery to fix'],
            },
            {
              id: '3.5.2',
              title: 'Updates are tested and secure by default',
              statement: 'Security updates are tested before release and leave the software in a secure default configuration.',
              guidance: [
                'Run the normal test plan on security updates, shortened only with recorded justification.',
                'Make sure an update does not weaken existing settings.',
              ],
              typicalEvidence: ['Test results for recent security updates', 'Release checklist covering default settings'],
            },
          ],
        },
      ],
    },
    {
      id: '4',
      title: 'Communication with customers',
      description:
        'Customers are given the information they need to manage their own risk: how long the software is supported, how to keep it updated and secure, and what has happened when things go wrong.',
      principles: [
        {
          id: '4.1',
          title: 'Tell customers the level of support and maintenance',
          statement: 'Customers are told clearly what support and maintenance the software receives.',
          guidance: [
            'Cover how often patches come, how they are delivered and how customers are notified.',
            'Provide documentation on using the software securely.',
          ],
          claims: [
            {
              id: '4.1.1',
              title: 'End-of-support dates are published',
              statement: 'End-of-support dates are published for all of the software and its components.',
              guidance: [
                'Publish a support lifecycle page listing each version and its end date.',
                'Include significant third-party components that affect support.',
              ],
              typicalEvidence: ['The published support lifecycle page or document', 'Contract terms stating support periods'],
            },
            {
              id: '4.1.2',
              title: 'Update policy is published',
              statement: 'A policy on how often updates are released and how customers apply them is published.',
              guidance: [
                'Say how customers will be notified of updates.',
                'Explain the difference between routine and urgent security updates.',
              ],
              typicalEvidence: ['The published update or patch policy', 'Customer communications announcing updates'],
            },
            {
              id: '4.1.3',
              title: 'Documentation covers updates and secure use',
              statement: 'User documentation explains how to apply updates and how to use the software securely.',
              guidance: ['Include a secure configuration or hardening guide.', 'Keep the documentation in step with each release.'],
              typicalEvidence: ['User and administrator guides covering updates', 'Secure configuration or hardening guide'],
            },
          ],
        },
        {
          id: '4.2',
          title: "Give at least a year's notice of end of support",
          statement: 'Customers are told at least one year in advance when the software will stop being supported or maintained.',
          guidance: ["Have an end-of-support policy that commits to at least one year's notice."],
          claims: [
            {
              id: '4.2.1',
              title: "At least one year's notice before support ends",
              statement: "Customers receive at least one year's notice before support or maintenance for the software ends.",
              guidance: [
                'Record when and how notice was given for past end-of-support events.',
                'Put the commitment in the end-of-support policy or contracts.',
              ],
              typicalEvidence: ['The end-of-support policy', 'Copies of end-of-support notices sent to customers, with dates'],
            },
          ],
        },
        {
          id: '4.3',
          title: 'Tell customers about notable incidents',
          statement: 'The organisation makes information available to customers about incidents that could significantly affect them.',
          guidance: [
            'Share the incident plan with customers in advance.',
            'Give prompt notice, regular updates, and a post-incident report with the root cause.',
          ],
          claims: [
            {
              id: '4.3.1',
              title: 'An incident support plan is published',
              statement:
                'A plan describing how customers will be supported during an incident is published or shared with them in advance.',
              guidance: [
                'Say how customers will be contacted and how often they will be updated.',
                'Test the plan, for example through an exercise.',
              ],
              typicalEvidence: ['The customer-facing incident response or support plan', 'Records of an incident exercise'],
            },
            {
              id: '4.3.2',
              title: 'Customers are told of incidents promptly',
              statement: 'Customers are told promptly about relevant incidents, and kept informed until they are resolved.',
              guidance: [
                'Follow up with a post-incident report that explains the root cause.',
                'Agree notification timescales in contracts where possible.',
              ],
              typicalEvidence: ['Incident notifications sent to customers', 'Post-incident reports', 'Interview with the incident manager'],
            },
          ],
        },
      ],
    },
  ],
});
