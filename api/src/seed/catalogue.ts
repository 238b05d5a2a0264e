import { AgreementStatus } from '../modules/articulation/articulation-agreement.entity';
import { AlignmentStrength } from '../modules/credentials/alignment.entity';
import { AssessmentMethod } from '../modules/credentials/assessment.entity';
import { DeliveryMode } from '../modules/credentials/credential.entity';
import { EndorsementCommitment } from '../modules/pathways/endorsement.entity';
import { PathwayStatus } from '../modules/pathways/pathway.entity';
import { PartnerRole } from '../modules/pathways/pathway-partner.entity';

const { EXACT, PARTIAL, RELATED } = AlignmentStrength;

export const INSTITUTIONS = [
  { key: 'lakeshore', name: 'Lakeshore Community College', kind: 'COMMUNITY_COLLEGE', region: 'Ohio', websiteUrl: 'https://lakeshore.example.edu' },
  { key: 'riverbend', name: 'Riverbend Technical College', kind: 'TECHNICAL_COLLEGE', region: 'Michigan', websiteUrl: 'https://riverbend.example.edu' },
  { key: 'summit', name: 'Summit Workforce Academy', kind: 'TRAINING_PROVIDER', region: 'Ohio', websiteUrl: 'https://summit-workforce.example.org' },
] as const;

export type InstitutionKey = (typeof INSTITUTIONS)[number]['key'];

export const EMPLOYERS = [
  { key: 'brightline', name: 'Brightline IT Services', naicsCode: '541513', region: 'Ohio', description: 'Managed IT services for 400 small and mid-sized businesses across northern Ohio.' },
  { key: 'meridian', name: 'Meridian Data Networks', naicsCode: '517111', region: 'Ohio', description: 'Regional fibre and business network provider.' },
  { key: 'northcoast', name: 'Northcoast Health System', naicsCode: '622110', region: 'Ohio', description: 'Five hospitals and 40 outpatient sites.' },
  { key: 'cuyahoga', name: 'Cuyahoga Family Clinics', naicsCode: '621111', region: 'Ohio', description: 'Primary-care physician group.' },
  { key: 'greatlakes', name: 'Great Lakes Precision Machining', naicsCode: '332710', region: 'Michigan', description: 'Precision machined components for aerospace and medical devices.' },
  { key: 'huron', name: 'Huron Valley Automotive Components', naicsCode: '336390', region: 'Michigan', description: 'Tier-2 supplier of drivetrain components.' },
  { key: 'keystone', name: 'Keystone Industrial Maintenance', naicsCode: '811310', region: 'Michigan', description: 'Contract maintenance of production machinery.' },
] as const;

export type EmployerKey = (typeof EMPLOYERS)[number]['key'];

export interface CredentialSpec {
  title: string;
  issuer: InstitutionKey | { employer: EmployerKey };
  level: number;
  hours: number;
  credits: number;
  mode: DeliveryMode;
  method: AssessmentMethod;
  assessment: string;
  secondAssessment?: [AssessmentMethod, string];
  draft?: boolean;
  reviewOn: string;
  outcomes: [statement: string, alignments: [code: string, strength: AlignmentStrength][]][];
  prerequisites?: string[];
}

/** The credentials besides the four of the worked example (whose outcomes are below too). */
export const CREDENTIALS: CredentialSpec[] = [
  {
    title: 'Cybersecurity Foundations', issuer: 'lakeshore', level: 2, hours: 40, credits: 3, mode: DeliveryMode.ONLINE, method: AssessmentMethod.EXAM,
    assessment: 'Proctored scenario-based exam on threats, controls and incident response.', reviewOn: '2027-03-31',
    outcomes: [
      ['Explains core security principles and the common threats to small organisations.', [['K0004', EXACT], ['K0005', PARTIAL]]],
      ['Recognises and categorises vulnerabilities and the attacks that exploit them.', [['S0078', EXACT]]],
      ['Assesses the risks to a small organisation and proposes proportionate controls.', [['K0002', EXACT], ['K0003', RELATED]]],
    ],
  },
  {
    title: 'Windows and Linux Administration', issuer: 'lakeshore', level: 2, hours: 60, credits: 4, mode: DeliveryMode.HYBRID, method: AssessmentMethod.TASK,
    assessment: 'Build and harden a small Windows domain and a Linux server to a written specification.', reviewOn: '2027-01-31',
    outcomes: [
      ['Administers user accounts, groups and permissions in a directory.', [['IT-4.8', EXACT]]],
      ['Installs, patches and configures server operating systems.', [['IT-4.2', EXACT]]],
    ],
  },
  {
    title: 'Backup and Recovery Practice', issuer: 'lakeshore', level: 2, hours: 30, credits: 2, mode: DeliveryMode.HYBRID, method: AssessmentMethod.SIMULATION,
    assessment: 'Restore a failed file server within a recovery-time objective in the lab.', reviewOn: '2026-09-30',
    outcomes: [
      ['Backs up systems and restores service after a failure, against a recovery plan.', [['IT-4.9', EXACT]]],
      ['Writes and tests a recovery plan with recovery-time and recovery-point objectives.', [['S0040', EXACT]]],
    ],
  },
  {
    title: 'Network Security Monitoring', issuer: 'lakeshore', level: 3, hours: 70, credits: 4, mode: DeliveryMode.WORK_BASED, method: AssessmentMethod.OBSERVATION,
    assessment: 'Supervised shifts in a security operations centre, scored by the shift lead.', reviewOn: '2027-05-31', prerequisites: ['Cybersecurity Foundations'],
    secondAssessment: [AssessmentMethod.PORTFOLIO, 'Write-up of one handled incident: timeline, evidence and recommended controls.'],
    outcomes: [
      ['Analyses network traffic to find anomalous activity.', [['T0023', EXACT]]],
      ['Recommends control changes after an incident.', [['T0187', PARTIAL]]],
    ],
  },
  {
    title: 'Wireless Networking', issuer: 'lakeshore', level: 2, hours: 30, credits: 2, mode: DeliveryMode.IN_PERSON, method: AssessmentMethod.TASK, draft: true,
    assessment: 'Survey, install and secure a small wireless network.', reviewOn: '2027-08-31',
    outcomes: [
      ['Configures and secures wireless access points for a small office.', [['IT-4.5', EXACT]]],
      ['Surveys a site for coverage and interference and places access points accordingly.', [['IT-4.5', PARTIAL], ['K0001', RELATED]]],
    ],
  },
  {
    title: 'Clinical Vital Signs', issuer: 'lakeshore', level: 2, hours: 24, credits: 1, mode: DeliveryMode.IN_PERSON, method: AssessmentMethod.OBSERVATION,
    assessment: 'Skills check-off on adult and paediatric vital signs.', reviewOn: '2027-02-28',
    outcomes: [
      ['Measures and records temperature, pulse, respiration, blood pressure and oxygen saturation.', [['AH-5.1', EXACT]]],
      ['Recognises abnormal readings and reports them promptly to the provider.', [['AH-5.13', PARTIAL]]],
    ],
  },
  {
    title: 'Infection Control and Safety', issuer: 'lakeshore', level: 1, hours: 12, credits: 1, mode: DeliveryMode.ONLINE, method: AssessmentMethod.EXAM,
    assessment: 'Online exam with a hand-hygiene and PPE skills video.', reviewOn: '2026-06-30',
    outcomes: [
      ['Applies standard precautions, hand hygiene and PPE.', [['AH-5.2', EXACT]]],
      ['Cleans and disinfects equipment and exam rooms between patients.', [['AH-5.2', PARTIAL]]],
    ],
  },
  {
    title: 'Phlebotomy and Specimen Collection', issuer: 'lakeshore', level: 2, hours: 40, credits: 2, mode: DeliveryMode.IN_PERSON, method: AssessmentMethod.TASK,
    assessment: '25 supervised venipunctures with specimen labelling audit.', reviewOn: '2027-02-28', prerequisites: ['Infection Control and Safety'],
    outcomes: [
      ['Collects, labels and processes blood specimens following protocol.', [['AH-5.3', EXACT], ['AH-5.2', RELATED]]],
      ['Confirms patient identity with two identifiers before every draw.', [['AH-5.3', PARTIAL], ['AH-5.4', RELATED]]],
    ],
  },
  {
    title: 'Medical Terminology', issuer: 'lakeshore', level: 1, hours: 30, credits: 2, mode: DeliveryMode.ONLINE, method: AssessmentMethod.EXAM,
    assessment: 'Proctored terminology exam.', reviewOn: '2027-04-30',
    outcomes: [
      ['Uses medical terms, abbreviations and word parts correctly.', [['AH-5.5', EXACT]]],
      ['Interprets the terms and abbreviations in orders, charts and prescriptions.', [['AH-5.5', PARTIAL]]],
    ],
  },
  {
    title: 'Health Records and HIPAA', issuer: 'lakeshore', level: 2, hours: 30, credits: 2, mode: DeliveryMode.ONLINE, method: AssessmentMethod.PORTFOLIO,
    assessment: 'Portfolio of EHR entries and a privacy case analysis.', reviewOn: '2027-04-30',
    outcomes: [
      ['Protects patient privacy in records and conversation.', [['AH-5.4', EXACT]]],
      ['Keeps electronic health records complete and accurate.', [['AH-5.9', PARTIAL]]],
    ],
  },
  {
    title: 'Medical Assistant Externship', issuer: 'lakeshore', level: 3, hours: 160, credits: 4, mode: DeliveryMode.WORK_BASED, method: AssessmentMethod.OBSERVATION,
    assessment: 'Preceptor evaluation over 160 clinic hours against the rubric.', reviewOn: '2027-06-30',
    secondAssessment: [AssessmentMethod.PORTFOLIO, 'Portfolio of de-identified visit notes reviewed by the program director.'],
    prerequisites: ['Clinical Vital Signs', 'Infection Control and Safety'],
    outcomes: [
      ['Rooms patients, takes vitals and prepares them for the provider.', [['AH-5.1', PARTIAL], ['AH-5.3', PARTIAL]]],
      ['Documents visits in the clinic\'s EHR.', [['AH-5.9', EXACT], ['AH-5.5', PARTIAL]]],
    ],
  },
  {
    title: 'Patient Care Skills', issuer: 'summit', level: 2, hours: 60, credits: 3, mode: DeliveryMode.IN_PERSON, method: AssessmentMethod.OBSERVATION,
    assessment: 'State-aligned skills evaluation in the lab and a clinical site.', reviewOn: '2026-12-31',
    outcomes: [
      ['Assists patients with mobility and daily living safely.', [['AH-5.6', EXACT]]],
      ['Communicates with patients with empathy.', [['AH-4.1', EXACT]]],
      ['Measures vital signs.', [['AH-5.1', PARTIAL]]],
      ['Notices and reports changes in a resident\'s condition or intake.', [['AH-5.13', EXACT]]],
    ],
  },
  {
    title: 'Pharmacy Calculations', issuer: 'lakeshore', level: 2, hours: 30, credits: 2, mode: DeliveryMode.ONLINE, method: AssessmentMethod.EXAM,
    assessment: 'Dosage-calculation exam (90% to pass).', reviewOn: '2027-01-31',
    outcomes: [
      ['Calculates and verifies doses, quantities and days\' supply.', [['AH-5.7', EXACT]]],
      ['Converts between measurement systems and calculates infusion rates.', [['AH-5.7', PARTIAL]]],
    ],
  },
  {
    title: 'Diagnosis Coding Basics', issuer: 'lakeshore', level: 2, hours: 45, credits: 3, mode: DeliveryMode.ONLINE, method: AssessmentMethod.EXAM, draft: true,
    assessment: 'Coding exercise on 50 de-identified records.', reviewOn: '2027-09-30',
    outcomes: [
      ['Abstracts and codes diagnoses from records.', [['AH-5.8', EXACT]]],
      ['Checks that a record is complete and compliant before it is coded.', [['AH-5.12', EXACT]]],
    ],
  },
  {
    title: 'Shop Safety and Lockout/Tagout', issuer: 'riverbend', level: 1, hours: 8, credits: 0.5, mode: DeliveryMode.IN_PERSON, method: AssessmentMethod.OBSERVATION,
    assessment: 'Observed lockout/tagout on a live machine and a PPE check.', reviewOn: '2026-08-31',
    outcomes: [
      ['Works safely with lockout/tagout, PPE and guarding.', [['AM-4.3', EXACT]]],
      ['Identifies the hazards of a shop task and chooses the controls for it.', [['AM-4.3', PARTIAL], ['NIMS-MMS', RELATED]]],
    ],
  },
  {
    title: 'Blueprint Reading and GD&T', issuer: 'riverbend', level: 1, hours: 30, credits: 2, mode: DeliveryMode.HYBRID, method: AssessmentMethod.EXAM,
    assessment: 'Interpret three production prints, including GD&T callouts.', reviewOn: '2027-03-31',
    outcomes: [
      ['Reads prints and GD&T callouts to plan a part.', [['AM-4.1', EXACT]]],
      ['Plans the sequence of operations and the layout of a part from its print.', [['NIMS-JPB', PARTIAL]]],
    ],
  },
  {
    title: 'Precision Measurement', issuer: 'riverbend', level: 2, hours: 24, credits: 1, mode: DeliveryMode.IN_PERSON, method: AssessmentMethod.TASK,
    assessment: 'Measure ten features with micrometers, calipers and gauges within tolerance.', reviewOn: '2027-03-31',
    outcomes: [
      ['Measures parts with precision instruments and records results.', [['AM-4.2', EXACT], ['AM-4.6', PARTIAL]]],
      ['Identifies common metals and how each machines.', [['NIMS-MMS', PARTIAL]]],
    ],
  },
  {
    title: 'CNC Mill Setup and Operation', issuer: 'riverbend', level: 2, hours: 80, credits: 4, mode: DeliveryMode.IN_PERSON, method: AssessmentMethod.TASK,
    assessment: 'Set up and run a two-operation part to print (NIMS-aligned).', reviewOn: '2027-05-31', prerequisites: ['Blueprint Reading and GD&T'],
    secondAssessment: [AssessmentMethod.EXAM, 'Written exam on offsets, work holding and safe machine operation.'],
    outcomes: [
      ['Sets work and tool offsets and runs a CNC mill safely.', [['NIMS-CNC1', EXACT], ['AM-4.3', RELATED]]],
      ['Chooses tools, speeds and feeds for the material.', [['NIMS-MS1', PARTIAL]]],
    ],
  },
  {
    title: 'CNC Programming Fundamentals', issuer: 'riverbend', level: 2, hours: 60, credits: 3, mode: DeliveryMode.HYBRID, method: AssessmentMethod.SIMULATION,
    assessment: 'Write and simulate programs for three parts.', reviewOn: '2027-05-31', prerequisites: ['CNC Mill Setup and Operation'],
    outcomes: [
      ['Writes and edits G-code and verifies it by simulation.', [['NIMS-CNC2', EXACT]]],
      ['Proves out a program on a CNC lathe, setting its offsets.', [['NIMS-CNCT', PARTIAL]]],
    ],
  },
  {
    title: 'Manual Machining', issuer: 'riverbend', level: 2, hours: 80, credits: 4, mode: DeliveryMode.IN_PERSON, method: AssessmentMethod.TASK,
    assessment: 'Turn and mill a test piece to NIMS Level I tolerances.', reviewOn: '2027-05-31',
    outcomes: [
      ['Operates manual mills and lathes to print tolerances.', [['NIMS-MT1', EXACT], ['NIMS-MT2', EXACT]]],
      ['Drills, reams and taps holes to print on a drill press.', [['NIMS-DP1', EXACT]]],
      ['Grinds a block flat and square on a surface grinder.', [['NIMS-GR1', EXACT]]],
    ],
  },
  {
    title: 'Industrial Maintenance Troubleshooting', issuer: 'riverbend', level: 3, hours: 120, credits: 4, mode: DeliveryMode.WORK_BASED, method: AssessmentMethod.OBSERVATION,
    assessment: 'Supervisor sign-off on 20 documented repairs at an employer site.', reviewOn: '2027-07-31',
    secondAssessment: [AssessmentMethod.EXAM, 'Written troubleshooting exam on hydraulic, pneumatic and electrical schematics.'],
    outcomes: [
      ['Diagnoses mechanical, hydraulic and pneumatic faults.', [['AM-4.4', EXACT]]],
      ['Plans and documents preventive maintenance.', [['AM-4.5', EXACT]]],
      ['Traces faults in machine control circuits.', [['AM-4.8', PARTIAL]]],
      ['Replaces and aligns bearings, belts, chains and couplings.', [['AM-4.10', EXACT]]],
    ],
  },
  {
    title: 'Structural Welding (SMAW)', issuer: 'riverbend', level: 2, hours: 90, credits: 4, mode: DeliveryMode.IN_PERSON, method: AssessmentMethod.TASK,
    assessment: 'Bend tests on plates welded in 2G and 3G positions.', reviewOn: '2026-10-31',
    outcomes: [
      ['Welds plate joints to code in flat, horizontal and vertical positions.', [['AM-4.7', EXACT], ['AM-4.1', PARTIAL], ['AM-2.1', PARTIAL]]],
      ['Cuts and bevels plate with oxy-fuel and plasma equipment.', [['AM-4.9', EXACT]]],
    ],
  },
  {
    title: 'Quality Inspection on the Line', issuer: { employer: 'huron' }, level: 2, hours: 20, credits: 1, mode: DeliveryMode.WORK_BASED, method: AssessmentMethod.OBSERVATION,
    assessment: 'Quality lead observes first-article and in-process inspections.', reviewOn: '2027-02-28',
    outcomes: [
      ['Applies inspection plans and records nonconformances.', [['AM-4.6', EXACT]]],
      ['Reads control charts and stops the line when a process drifts.', [['AM-4.6', PARTIAL]]],
    ],
  },
];

/** Alignments for the worked example's credentials, which worked-example.ts creates. */
export const WORKED_OUTCOMES: Record<string, [string, [string, AlignmentStrength][]][]> = {
  'IT Support Fundamentals': [
    ['Identifies hardware and operating-system components and how they interact.', [['IT-4.1', EXACT]]],
    ['Troubleshoots faults with a documented, structured method.', [['IT-4.3', EXACT], ['IT-4.2', PARTIAL]]],
  ],
  'Network Basics': [
    ['Plans IP addressing and subnets for a small office.', [['IT-4.4', EXACT], ['K0001', PARTIAL]]],
    ['Configures switches and a wireless access point.', [['IT-4.5', PARTIAL]]],
  ],
  'Help Desk Practicum': [
    ['Logs, prioritises and escalates tickets on a live service desk.', [['IT-4.6', EXACT]]],
    ['Explains fixes to users in plain language.', [['IT-4.7', EXACT], ['IT-4.3', PARTIAL]]],
  ],
  'Customer Service Essentials': [
    ['De-escalates difficult conversations and follows up in writing.', [['IT-3.2', EXACT], ['IT-4.7', RELATED]]],
    ['Records each contact clearly enough for a colleague to pick it up.', [['IT-4.6', RELATED]]],
  ],
};

export interface StageSpec {
  title: string;
  credentials: string[];
  atLeast?: number;
  minCredits?: number;
}

export interface PathwaySpec {
  title: string;
  owner: InstitutionKey;
  status: PathwayStatus;
  description: string;
  reviewDueOn: string;
  destinations: string[];
  stages: StageSpec[];
  partners: [EmployerKey, PartnerRole][];
  offRamps?: [credential: string, socCode: string][];
  endorsements?: [EmployerKey, EndorsementCommitment | null, string, string][];
  outcomes?: [cohort: string, enrolled: number, completed: number, placed: number, wageBefore: number, wageAfter: number][];
  comments?: [kind: 'COMMENT' | 'CHANGE_REQUEST', body: string][];
}

const { LEAD, CONTRIBUTOR, VALIDATOR } = PartnerRole;

/** Pathways besides IT Support (the worked example's, created with it), in every lifecycle state. */
export const PATHWAYS: PathwaySpec[] = [
  {
    title: 'Network Support Technician', owner: 'lakeshore', status: PathwayStatus.DRAFT, reviewDueOn: '2027-03-01',
    description: 'Builds on network fundamentals toward a network support role; still being co-designed.',
    destinations: ['15-1231'],
    stages: [
      { title: 'Networking core', credentials: ['Network Basics'] },
      { title: 'Wireless and recovery', credentials: ['Wireless Networking', 'Backup and Recovery Practice'], atLeast: 1 },
    ],
    partners: [['brightline', LEAD], ['meridian', VALIDATOR]],
    comments: [['COMMENT', 'Our technicians spend a third of their time on Wi-Fi tickets: keep wireless in the core.']],
  },
  {
    title: 'Cybersecurity Analyst Foundations', owner: 'lakeshore', status: PathwayStatus.IN_REVIEW, reviewDueOn: '2026-11-01',
    description: 'From security principles to supervised monitoring in a security operations centre.',
    destinations: ['15-1212'],
    stages: [
      { title: 'Principles', credentials: ['Cybersecurity Foundations', 'Windows and Linux Administration'] },
      { title: 'Operations', credentials: ['Network Security Monitoring'] },
    ],
    partners: [['meridian', VALIDATOR], ['brightline', CONTRIBUTOR]],
  },
  {
    title: 'Medical Assistant', owner: 'lakeshore', status: PathwayStatus.PUBLISHED, reviewDueOn: '2027-01-15',
    description: 'Clinical and administrative skills for medical assisting, ending in a paid externship.',
    destinations: ['31-9092'],
    stages: [
      { title: 'Foundations', credentials: ['Infection Control and Safety', 'Medical Terminology'] },
      { title: 'Clinical skills', credentials: ['Clinical Vital Signs', 'Phlebotomy and Specimen Collection', 'Health Records and HIPAA'], atLeast: 2 },
      { title: 'Externship', credentials: ['Medical Assistant Externship'] },
    ],
    partners: [['northcoast', LEAD], ['cuyahoga', VALIDATOR]],
    offRamps: [['Phlebotomy and Specimen Collection', '31-9092']],
    endorsements: [
      ['northcoast', EndorsementCommitment.INTERVIEW_GUARANTEE, 'Every completer gets an interview for our medical assistant openings.', 'Janelle Brooks, VP Talent'],
      ['cuyahoga', EndorsementCommitment.PAID_RELEASE_TIME, 'Our staff get four paid hours a week to complete the pathway.', 'Dr. Omar Haddad, Medical Director'],
    ],
    outcomes: [['2024', 60, 47, 38, 26500, 40100], ['2025', 9, 7, 5, 27200, 41000]],
  },
  {
    title: 'Pharmacy Technician', owner: 'lakeshore', status: PathwayStatus.CHANGES_REQUESTED, reviewDueOn: '2026-10-15',
    description: 'Safe dispensing and dosage calculation for retail and hospital pharmacy.',
    destinations: ['29-2052'],
    stages: [
      { title: 'Safety', credentials: ['Infection Control and Safety'] },
      { title: 'Dispensing', credentials: ['Pharmacy Calculations', 'Health Records and HIPAA'] },
    ],
    partners: [['northcoast', VALIDATOR]],
    comments: [['CHANGE_REQUEST', 'Add sterile compounding before we can validate: our hospital roles need it.']],
  },
  {
    title: 'CNC Machinist', owner: 'riverbend', status: PathwayStatus.PUBLISHED, reviewDueOn: '2027-04-30',
    description: 'Safety and print reading to CNC setup and programming, with a manual-machining option.',
    destinations: ['51-9161', '51-4041'],
    stages: [
      { title: 'Shop foundations', credentials: ['Shop Safety and Lockout/Tagout', 'Blueprint Reading and GD&T'] },
      { title: 'Measurement', credentials: ['Precision Measurement'] },
      { title: 'Machine operation', credentials: ['CNC Mill Setup and Operation', 'Manual Machining'], atLeast: 1, minCredits: 4 },
      { title: 'Programming', credentials: ['CNC Programming Fundamentals'] },
    ],
    partners: [['greatlakes', LEAD], ['huron', VALIDATOR]],
    offRamps: [['CNC Mill Setup and Operation', '51-9161']],
    endorsements: [
      ['greatlakes', EndorsementCommitment.HIRING_INTENT, 'We intend to hire twelve completers a year as CNC operators.', 'Mark Kowalski, Plant Manager'],
      ['huron', EndorsementCommitment.WORK_BASED_PLACEMENT, 'Placements on our machining line for the programming stage.', 'Sara Lindqvist, HR Director'],
    ],
    outcomes: [['2024', 30, 24, 19, 31000, 49800], ['2025', 14, 11, 9, 30500, 48900]],
  },
  {
    title: 'Industrial Maintenance Technician', owner: 'riverbend', status: PathwayStatus.APPROVED, reviewDueOn: '2027-02-28',
    description: 'Safety and prints, then supervised troubleshooting at an employer site.',
    destinations: ['49-9041'],
    stages: [
      { title: 'Foundations', credentials: ['Shop Safety and Lockout/Tagout', 'Blueprint Reading and GD&T'] },
      { title: 'On the floor', credentials: ['Industrial Maintenance Troubleshooting'] },
    ],
    partners: [['keystone', VALIDATOR], ['huron', CONTRIBUTOR]],
  },
  {
    title: 'Welding Fundamentals', owner: 'riverbend', status: PathwayStatus.RETIRED, reviewDueOn: '2025-12-31',
    description: 'Retired in favour of the new structural welding pathway under design.',
    destinations: ['51-4121'],
    stages: [
      { title: 'Safety', credentials: ['Shop Safety and Lockout/Tagout'] },
      { title: 'Welding', credentials: ['Structural Welding (SMAW)'] },
    ],
    partners: [['huron', LEAD]],
  },
];

export interface AgreementSpec {
  title: string;
  program: string;
  issuer: InstitutionKey | { employer: EmployerKey };
  status: AgreementStatus;
  from: string;
  to: string | null;
  recencyYears: number | null;
  signedBy: string;
  block?: [pathwayTitle: string, credits: number];
  mappings: [credential: string, credits: number, course: string | null, minLevel: number | null][];
}

export const PROGRAMS = [
  { institution: 'lakeshore' as const, title: 'AAS Medical Assisting', awardLevel: 'ASSOCIATE', cipCode: '51.0801', totalCredits: 62, residencyCredits: 16, priorLearningCap: 0.5 },
  { institution: 'riverbend' as const, title: 'AAS Advanced Manufacturing Technology', awardLevel: 'ASSOCIATE', cipCode: '15.0613', totalCredits: 64, residencyCredits: 20, priorLearningCap: 0.6 },
];

export const AGREEMENTS: AgreementSpec[] = [
  {
    title: 'Health microcredentials into the AAS Medical Assisting', program: 'AAS Medical Assisting', issuer: 'lakeshore',
    status: AgreementStatus.ACTIVE, from: '2024-08-01', to: '2026-12-31', recencyYears: 3, signedBy: 'Dr. Renee Walsh, Provost',
    block: ['Medical Assistant', 3],
    mappings: [
      ['Infection Control and Safety', 1, 'MA-101', null],
      ['Clinical Vital Signs', 1, 'MA-110', null],
      ['Phlebotomy and Specimen Collection', 2, 'MA-140', 2],
      ['Medical Terminology', 3, 'HIT-101', null],
      ['Health Records and HIPAA', 2, 'HIT-120', null],
      ['Medical Assistant Externship', 4, 'MA-290', 2],
    ],
  },
  {
    title: 'Nurse aide training into the AAS Medical Assisting', program: 'AAS Medical Assisting', issuer: 'summit',
    status: AgreementStatus.EXPIRED, from: '2022-01-01', to: '2024-12-31', recencyYears: 2, signedBy: 'Dr. Renee Walsh, Provost',
    mappings: [['Patient Care Skills', 3, 'NA-101', null]],
  },
  {
    title: 'Machining microcredentials into the AAS Advanced Manufacturing Technology', program: 'AAS Advanced Manufacturing Technology', issuer: 'riverbend',
    status: AgreementStatus.ACTIVE, from: '2025-07-01', to: null, recencyYears: 7, signedBy: 'Luis Ortega, Dean of Technical Programs',
    block: ['CNC Machinist', 3],
    mappings: [
      ['Shop Safety and Lockout/Tagout', 0.5, 'MFG-100', null],
      ['Blueprint Reading and GD&T', 2, 'MFG-101', null],
      ['Precision Measurement', 1, 'MFG-105', null],
      ['Manual Machining', 4, 'MFG-200', null],
      ['CNC Mill Setup and Operation', 4, 'MFG-210', 2],
      ['CNC Programming Fundamentals', 3, 'MFG-220', null],
      ['Industrial Maintenance Troubleshooting', 4, 'MFG-250', null],
    ],
  },
  {
    title: 'Huron Valley line credentials (draft)', program: 'AAS Advanced Manufacturing Technology', issuer: { employer: 'huron' },
    status: AgreementStatus.DRAFT, from: '2027-01-01', to: null, recencyYears: 3, signedBy: 'Pending',
    mappings: [['Quality Inspection on the Line', 1, 'MFG-130', null]],
  },
];

export interface LearnerSpec {
  institution: InstitutionKey;
  givenName: string;
  familyName: string;
  externalId: string;
  awards: [credential: string, awardedOn: string, level: number, revoked?: string][];
  claims?: [program: string, title: string, requested: number, status: 'SUBMITTED' | 'APPROVED' | 'DENIED', approved: number | null, reason: string | null][];
}

export const LEARNERS: LearnerSpec[] = [
  {
    institution: 'lakeshore', givenName: 'Marcus', familyName: 'Bell', externalId: 'LCC-210044',
    awards: [['Infection Control and Safety', '2025-02-10', 2], ['Clinical Vital Signs', '2025-03-20', 2], ['Medical Terminology', '2025-04-30', 3], ['Phlebotomy and Specimen Collection', '2025-06-15', 3]],
    claims: [['AAS Medical Assisting', 'Army combat medic (68W), four years', 6, 'SUBMITTED', null, null]],
  },
  {
    institution: 'lakeshore', givenName: 'Keisha', familyName: 'Thompson', externalId: 'LCC-198230',
    awards: [
      ['Infection Control and Safety', '2024-09-05', 2], ['Medical Terminology', '2024-10-10', 2], ['Clinical Vital Signs', '2024-11-01', 3],
      ['Phlebotomy and Specimen Collection', '2024-12-12', 2], ['Medical Assistant Externship', '2025-05-30', 3],
    ],
  },
  {
    institution: 'lakeshore', givenName: 'Jordan', familyName: 'Lee', externalId: 'LCC-220871',
    awards: [['Infection Control and Safety', '2025-08-01', 2], ['Phlebotomy and Specimen Collection', '2025-09-15', 1, 'Specimen audit found falsified labels']],
  },
  {
    institution: 'lakeshore', givenName: 'Priya', familyName: 'Nair', externalId: 'LCC-215566',
    awards: [['IT Support Fundamentals', '2025-03-14', 3], ['Cybersecurity Foundations', '2025-06-20', 2], ['Network Basics', '2025-10-03', 2]],
    claims: [['AAS Information Technology', 'Self-taught home lab', 3, 'DENIED', null, 'No assessable evidence beyond a description; resubmit with a portfolio.']],
  },
  {
    institution: 'lakeshore', givenName: 'Aaliyah', familyName: 'Johnson', externalId: 'LCC-224410',
    awards: [['Customer Service Essentials', '2026-02-05', 2]],
  },
  {
    institution: 'riverbend', givenName: 'Diego', familyName: 'Ramirez', externalId: 'RTC-30412',
    awards: [
      ['Shop Safety and Lockout/Tagout', '2025-08-20', 2], ['Blueprint Reading and GD&T', '2025-09-30', 2], ['Precision Measurement', '2025-10-15', 3],
      ['CNC Mill Setup and Operation', '2026-01-20', 2], ['CNC Programming Fundamentals', '2026-04-10', 2],
    ],
    claims: [['AAS Advanced Manufacturing Technology', 'Navy machinery repairman, six years', 8, 'APPROVED', 6, 'Matches MFG-200 and MFG-230 outcomes.']],
  },
  {
    institution: 'riverbend', givenName: 'Emily', familyName: 'Chen', externalId: 'RTC-30988',
    awards: [['Shop Safety and Lockout/Tagout', '2026-01-12', 2], ['Blueprint Reading and GD&T', '2026-03-02', 1]],
  },
  {
    institution: 'riverbend', givenName: 'Tomasz', familyName: 'Nowak', externalId: 'RTC-28801',
    awards: [['Shop Safety and Lockout/Tagout', '2023-05-10', 2], ['Structural Welding (SMAW)', '2023-08-25', 3]],
  },
];
