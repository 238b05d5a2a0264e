import { CompetencyType } from '../modules/standards/competency.entity';

/**
 * Occupations of the three demo sectors: SOC 2018 codes and titles, O*NET-SOC codes, and BLS
 * OEWS national median annual wages (May 2023).
 */
export const OCCUPATIONS = [
  {
    socCode: '15-1232', title: 'Computer User Support Specialists', wage: 59240, education: 'Some college, no degree', jobZone: 3,
    description: 'Provide technical assistance to computer users, answering questions and resolving problems in person, by phone or remotely.',
    tasks: [
      'Answer user inquiries regarding computer software or hardware operation to resolve problems.',
      'Oversee the daily performance of computer systems.',
      'Set up equipment for employee use, performing or ensuring proper installation of cables, operating systems, or software.',
      'Maintain records of daily data communication transactions, problems and remedial actions taken.',
      'Read technical manuals, confer with users, or conduct computer diagnostics to investigate and resolve problems.',
    ],
  },
  {
    socCode: '15-1231', title: 'Computer Network Support Specialists', wage: 73340, education: "Associate's degree", jobZone: 4,
    description: 'Analyze, test, troubleshoot and evaluate existing network systems such as local area networks, wide area networks and internet systems.',
    tasks: [
      'Diagnose network problems and configure network devices.',
      'Install and configure wireless networking equipment.',
      'Document network support activities and maintain network diagrams.',
      'Back up network data and restore service after outages.',
    ],
  },
  {
    socCode: '15-1244', title: 'Network and Computer Systems Administrators', wage: 95360, education: "Bachelor's degree", jobZone: 4,
    description: 'Install, configure and maintain an organization\'s local area networks, wide area networks, data communications networks and servers.',
    tasks: [
      'Maintain and administer computer networks and related computing environments.',
      'Perform data backups and disaster recovery operations.',
      'Plan, coordinate and implement network security measures.',
      'Configure, monitor and maintain email applications or virus protection software.',
    ],
  },
  {
    socCode: '15-1212', title: 'Information Security Analysts', wage: 120360, education: "Bachelor's degree", jobZone: 4,
    description: 'Plan, implement, upgrade or monitor security measures for the protection of computer networks and information.',
    tasks: [
      'Monitor current reports of computer viruses to determine when to update virus protection systems.',
      'Perform risk assessments and execute tests of data processing systems.',
      'Develop plans to safeguard computer files against accidental or unauthorized modification or destruction.',
      'Document computer security and emergency measures policies and procedures.',
    ],
  },
  {
    socCode: '31-9092', title: 'Medical Assistants', wage: 42000, education: 'Postsecondary nondegree award', jobZone: 3,
    description: 'Perform administrative and certain clinical duties under the direction of a physician.',
    tasks: [
      'Record patients\' medical history, vital statistics or information such as test results in medical records.',
      'Prepare treatment rooms for patient examinations, keeping the rooms neat and clean.',
      'Interview patients to obtain medical information and measure their vital signs, weight and height.',
      'Collect blood, tissue or other laboratory specimens, log the specimens, and prepare them for testing.',
      'Explain treatment procedures, medications, diets or physicians\' instructions to patients.',
    ],
  },
  {
    socCode: '29-2052', title: 'Pharmacy Technicians', wage: 40300, education: 'High school diploma or equivalent', jobZone: 3,
    description: 'Prepare medications under the direction of a pharmacist.',
    tasks: [
      'Receive written prescription or refill requests and verify that information is complete and accurate.',
      'Maintain proper storage and security conditions for drugs.',
      'Count or pour medications into dispensing containers and label them.',
      'Enter prescriptions into computer systems and process insurance claims.',
    ],
  },
  {
    socCode: '31-1131', title: 'Nursing Assistants', wage: 38200, education: 'Postsecondary nondegree award', jobZone: 3,
    description: 'Provide or assist with basic care or support under the direction of onsite licensed nursing staff.',
    tasks: [
      'Measure and record patients\' vital signs.',
      'Turn or reposition bedridden patients.',
      'Answer patient call signals, signal lights, bells or intercom systems to determine patients\' needs.',
      'Feed patients or assist patients to eat or drink.',
    ],
  },
  {
    socCode: '29-2072', title: 'Medical Records Specialists', wage: 48780, education: 'Postsecondary nondegree award', jobZone: 3,
    description: 'Compile, process and maintain medical records of hospital and clinic patients in a manner consistent with medical, administrative, ethical, legal and regulatory requirements.',
    tasks: [
      'Protect the security of medical records to ensure that confidentiality is maintained.',
      'Assign the patient to diagnosis-related groups using appropriate computer software.',
      'Review records for completeness, accuracy and compliance with regulations.',
      'Abstract pertinent information, such as patient demographics, from patient records.',
    ],
  },
  {
    socCode: '51-4041', title: 'Machinists', wage: 50840, education: 'High school diploma or equivalent', jobZone: 3,
    description: 'Set up and operate a variety of machine tools to produce precision parts and instruments out of metal.',
    tasks: [
      'Calculate dimensions or tolerances using instruments such as micrometers or vernier calipers.',
      'Study sample parts, blueprints, drawings or engineering information to determine methods and sequences of operations.',
      'Measure, examine or test completed units to check for defects and ensure conformance to specifications.',
      'Set up, adjust and operate machine tools to perform operations such as milling, turning and grinding.',
    ],
  },
  {
    socCode: '51-9161', title: 'Computer Numerically Controlled Tool Operators', wage: 48550, education: 'High school diploma or equivalent', jobZone: 2,
    description: 'Operate computer-controlled tools, machines or robots to machine or process parts, tools or other work pieces made of metal, plastic, wood, stone or other materials.',
    tasks: [
      'Measure dimensions of finished workpieces to ensure conformance to specifications.',
      'Mount, install, align and secure tools, attachments, fixtures and workpieces on machines.',
      'Stop machines to remove finished workpieces or to change tooling, setup or workpiece placement.',
      'Check to ensure that workpieces are properly lubricated or cooled.',
    ],
  },
  {
    socCode: '49-9041', title: 'Industrial Machinery Mechanics', wage: 61710, education: 'High school diploma or equivalent', jobZone: 3,
    description: 'Repair, install, adjust or maintain industrial production and processing machinery or refinery and pipeline distribution systems.',
    tasks: [
      'Repair or maintain the operating condition of industrial production or processing machinery or equipment.',
      'Disassemble machinery or equipment to remove parts and make repairs.',
      'Examine parts for defects such as breakage or excessive wear.',
      'Analyze test results, machine error messages or information obtained from operators to diagnose equipment problems.',
    ],
  },
  {
    socCode: '51-4121', title: 'Welders, Cutters, Solderers, and Brazers', wage: 48940, education: 'High school diploma or equivalent', jobZone: 2,
    description: 'Use hand-welding, flame-cutting, hand-soldering or brazing equipment to weld or join metal components or to fill holes, indentations or seams of fabricated metal products.',
    tasks: [
      'Weld components in flat, vertical or overhead positions.',
      'Examine workpieces for defects and measure workpieces with straightedges or templates to ensure conformance with specifications.',
      'Operate safety equipment and use safe work habits.',
      'Lay out, position, align and secure parts and assemblies prior to assembly.',
    ],
  },
] as const;

interface CompetencySpec {
  code: string;
  type: CompetencyType;
  statement: string;
  /** SOC codes for which this competency is core: a destination's coverage counts these. */
  coreFor: string[];
  /** SOC codes it is linked to without being core: shown beside coverage, never counted. */
  relatedTo?: string[];
}

const K = CompetencyType.KNOWLEDGE;
const S = CompetencyType.SKILL;
const T = CompetencyType.TASK;
const A = CompetencyType.ABILITY;

/**
 * Frameworks modelled on national standards. Statements paraphrase the published ones; the NICE
 * codes are the framework's own knowledge, skill and task identifiers.
 */
export const FRAMEWORKS: { name: string; publisher: string; version: string; jurisdiction: string; sourceUrl: string; description: string; competencies: CompetencySpec[] }[] = [
  {
    name: 'Information Technology Competency Model', publisher: 'U.S. Department of Labor, Employment and Training Administration', version: '2012', jurisdiction: 'US',
    sourceUrl: 'https://www.careeronestop.org/competencymodel/', description: 'Industry-validated competencies for IT work, from personal effectiveness to occupation-specific technical skills.',
    competencies: [
      { code: 'IT-4.1', type: K, statement: 'Explains the components of computer hardware and how operating systems manage them.', coreFor: ['15-1232', '15-1231'] },
      { code: 'IT-4.2', type: S, statement: 'Installs, configures and updates operating systems and application software.', coreFor: ['15-1232', '15-1244'] },
      { code: 'IT-4.3', type: S, statement: 'Diagnoses hardware and software faults with a structured troubleshooting method.', coreFor: ['15-1232', '15-1231'] },
      { code: 'IT-4.4', type: K, statement: 'Describes IP addressing, subnetting, switching and routing in small networks.', coreFor: ['15-1231', '15-1244'] },
      { code: 'IT-4.5', type: S, statement: 'Configures and troubleshoots wired and wireless local area networks.', coreFor: ['15-1231', '15-1244'] },
      { code: 'IT-4.6', type: T, statement: 'Logs, prioritises, escalates and documents service requests in a ticketing system.', coreFor: ['15-1232'] },
      { code: 'IT-4.7', type: S, statement: 'Communicates technical information clearly to non-technical users.', coreFor: ['15-1232'] },
      { code: 'IT-4.8', type: S, statement: 'Administers user accounts, permissions and directory services.', coreFor: ['15-1244'] },
      { code: 'IT-4.9', type: T, statement: 'Backs up systems and restores data and services after a failure.', coreFor: ['15-1244', '15-1231'] },
      { code: 'IT-3.2', type: S, statement: 'Handles customer interactions with courtesy, listening and de-escalation.', coreFor: [], relatedTo: ['15-1232', '15-1231'] },
      { code: 'IT-2.1', type: A, statement: 'Notices early signs that a system is failing or about to fail.', coreFor: [], relatedTo: ['15-1232', '15-1231', '15-1244'] },
    ],
  },
  {
    name: 'NICE Workforce Framework for Cybersecurity', publisher: 'National Institute of Standards and Technology', version: 'SP 800-181 Rev. 1', jurisdiction: 'US',
    sourceUrl: 'https://www.nist.gov/itl/applied-cybersecurity/nice/nice-framework-resource-center', description: 'Tasks, knowledge and skills for cybersecurity work.',
    competencies: [
      { code: 'K0001', type: K, statement: 'Knowledge of computer networking concepts, protocols and network security methods.', coreFor: ['15-1231', '15-1244'], relatedTo: ['15-1212'] },
      { code: 'K0002', type: K, statement: 'Knowledge of risk management processes for assessing and mitigating risk.', coreFor: ['15-1212'] },
      { code: 'K0003', type: K, statement: 'Knowledge of the laws, regulations, policies and ethics that bear on cybersecurity and privacy.', coreFor: [], relatedTo: ['15-1212', '15-1244'] },
      { code: 'K0004', type: K, statement: 'Knowledge of cybersecurity and privacy principles.', coreFor: ['15-1212', '15-1244'] },
      { code: 'K0005', type: K, statement: 'Knowledge of cyber threats and vulnerabilities.', coreFor: ['15-1212'] },
      { code: 'S0040', type: S, statement: 'Skill in implementing and testing network infrastructure contingency and recovery plans.', coreFor: ['15-1212'] },
      { code: 'S0078', type: S, statement: 'Skill in recognizing and categorizing types of vulnerabilities and associated attacks.', coreFor: ['15-1212'] },
      { code: 'T0023', type: T, statement: 'Characterize and analyze network traffic to identify anomalous activity and potential threats.', coreFor: ['15-1212'] },
      { code: 'T0187', type: T, statement: 'Plan and recommend modifications to security controls after incidents and assessments.', coreFor: ['15-1212'] },
    ],
  },
  {
    name: 'Allied Health Competency Model', publisher: 'U.S. Department of Labor, Employment and Training Administration', version: '2011', jurisdiction: 'US',
    sourceUrl: 'https://www.careeronestop.org/competencymodel/', description: 'Foundational and technical competencies for allied health occupations.',
    competencies: [
      { code: 'AH-5.1', type: S, statement: 'Measures and records vital signs accurately.', coreFor: ['31-9092', '31-1131'] },
      { code: 'AH-5.2', type: K, statement: 'Applies infection control and standard precautions.', coreFor: ['31-9092', '31-1131', '29-2052'] },
      { code: 'AH-5.3', type: S, statement: 'Collects, labels and handles specimens following protocol.', coreFor: ['31-9092'] },
      { code: 'AH-5.4', type: K, statement: 'Protects patient privacy under HIPAA in records and conversation.', coreFor: ['31-9092', '29-2072', '29-2052'] },
      { code: 'AH-5.5', type: S, statement: 'Uses medical terminology correctly in records and communication.', coreFor: ['31-9092', '29-2072', '29-2052'] },
      { code: 'AH-5.6', type: S, statement: 'Assists patients with mobility, positioning and daily living safely.', coreFor: ['31-1131'] },
      { code: 'AH-5.7', type: K, statement: 'Calculates and verifies medication doses and quantities.', coreFor: ['29-2052'] },
      { code: 'AH-5.8', type: T, statement: 'Abstracts and codes diagnoses and procedures from patient records.', coreFor: ['29-2072'] },
      { code: 'AH-5.9', type: S, statement: 'Maintains electronic health records accurately and completely.', coreFor: ['29-2072', '31-9092'] },
      { code: 'AH-5.10', type: T, statement: 'Receives and verifies prescriptions, then fills and labels them for the pharmacist\'s check.', coreFor: ['29-2052'] },
      { code: 'AH-5.11', type: T, statement: 'Keeps medication storage, inventory and controlled-substance records secure and accurate.', coreFor: ['29-2052'] },
      { code: 'AH-5.12', type: T, statement: 'Reviews records for completeness, accuracy and compliance with documentation standards.', coreFor: ['29-2072'] },
      { code: 'AH-5.13', type: A, statement: 'Notices changes in a patient\'s condition, behaviour or intake and reports them at once.', coreFor: ['31-1131'], relatedTo: ['31-9092'] },
      { code: 'AH-4.1', type: S, statement: 'Communicates with patients with empathy and cultural awareness.', coreFor: ['31-1131'], relatedTo: ['31-9092'] },
    ],
  },
  {
    name: 'Advanced Manufacturing Competency Model', publisher: 'U.S. Department of Labor, Employment and Training Administration', version: '2010', jurisdiction: 'US',
    sourceUrl: 'https://www.careeronestop.org/competencymodel/', description: 'Competencies for production, maintenance and quality work in advanced manufacturing.',
    competencies: [
      { code: 'AM-4.1', type: K, statement: 'Reads blueprints and engineering drawings, including GD&T.', coreFor: ['51-4041', '51-9161', '51-4121', '49-9041'] },
      { code: 'AM-4.2', type: S, statement: 'Measures parts with precision instruments and records results.', coreFor: ['51-4041', '51-9161'] },
      { code: 'AM-4.3', type: S, statement: 'Works safely: lockout/tagout, PPE and machine guarding.', coreFor: ['51-4041', '51-9161', '49-9041', '51-4121'] },
      { code: 'AM-4.4', type: S, statement: 'Diagnoses mechanical, hydraulic and pneumatic faults in production equipment.', coreFor: ['49-9041'] },
      { code: 'AM-4.5', type: T, statement: 'Performs preventive maintenance on schedule and documents it.', coreFor: ['49-9041'] },
      { code: 'AM-4.6', type: S, statement: 'Applies quality control and inspection methods to production.', coreFor: ['51-4041', '51-9161'], relatedTo: ['51-4121'] },
      { code: 'AM-4.7', type: S, statement: 'Lays out, fits and welds joints to code in multiple positions.', coreFor: ['51-4121'] },
      { code: 'AM-4.8', type: K, statement: 'Explains electrical and control systems of production machinery.', coreFor: ['49-9041'], relatedTo: ['51-9161'] },
      { code: 'AM-4.9', type: S, statement: 'Cuts and prepares metal with oxy-fuel and plasma cutting equipment.', coreFor: ['51-4121'] },
      { code: 'AM-4.10', type: S, statement: 'Installs, aligns and lubricates bearings, belts, chains and couplings.', coreFor: ['49-9041'] },
      { code: 'AM-2.1', type: A, statement: 'Keeps arm and hand steady while guiding a torch, electrode or tool along a joint.', coreFor: ['51-4121'] },
    ],
  },
  {
    name: 'NIMS Machining Level I Standards', publisher: 'National Institute for Metalworking Skills', version: '2020', jurisdiction: 'US',
    sourceUrl: 'https://www.nims-skills.org/', description: 'Industry standards for entry-level machining skills.',
    competencies: [
      { code: 'NIMS-MMS', type: K, statement: 'Identifies materials and their machinability, and follows shop measurement and safety practice.', coreFor: [], relatedTo: ['51-4041', '51-9161'] },
      { code: 'NIMS-JPB', type: S, statement: 'Plans a job from its print, lays out features and performs benchwork.', coreFor: [], relatedTo: ['51-4041'] },
      { code: 'NIMS-DP1', type: S, statement: 'Sets up a drill press to drill, ream and tap holes to print.', coreFor: [], relatedTo: ['51-4041'] },
      { code: 'NIMS-GR1', type: S, statement: 'Sets up a surface grinder and grinds parts to flatness and finish.', coreFor: [], relatedTo: ['51-4041'] },
      { code: 'NIMS-MT1', type: S, statement: 'Sets up and operates a manual mill to produce parts to print tolerances.', coreFor: ['51-4041'] },
      { code: 'NIMS-MT2', type: S, statement: 'Sets up and operates a manual lathe for turning operations.', coreFor: ['51-4041'] },
      { code: 'NIMS-CNC1', type: S, statement: 'Loads programs, sets work and tool offsets and runs a CNC mill.', coreFor: ['51-9161', '51-4041'] },
      { code: 'NIMS-CNC2', type: T, statement: 'Edits G-code for a simple part and verifies it by simulation.', coreFor: ['51-9161'] },
      { code: 'NIMS-CNCT', type: S, statement: 'Loads programs, sets offsets and runs a CNC lathe.', coreFor: [], relatedTo: ['51-9161', '51-4041'] },
      { code: 'NIMS-MS1', type: K, statement: 'Selects cutting tools, speeds and feeds for materials.', coreFor: ['51-9161', '51-4041'] },
    ],
  },
];
