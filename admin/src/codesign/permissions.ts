import { PartnerRole, PathwayDesign, PathwayStatus, Viewer } from './designerApi';

export type Step = 'submitForReview' | 'requestChanges' | 'approve' | 'publish' | 'retire' | 'startRevision';

/** What the viewer may do with one version: the API's rules of DOMAIN.md, mirrored so the console offers only those. */
export interface Allowed {
  edit: boolean;
  comment: boolean;
  managePartners: boolean;
  endorse: boolean;
  steps: Step[];
  partnerRole: PartnerRole | null;
}

const EDITABLE: PathwayStatus[] = ['DRAFT', 'CHANGES_REQUESTED'];
const ENDORSABLE: PathwayStatus[] = ['IN_REVIEW', 'APPROVED', 'PUBLISHED'];
const OPEN: PathwayStatus[] = ['DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED'];

export function allowedFor(viewer: Viewer | undefined, pathway: PathwayDesign): Allowed {
  const admin = viewer?.role === 'ADMIN';
  const partnerRole = viewer?.role === 'EMPLOYER_PARTNER' ? (pathway.partners.find((partner) => partner.employer.id === viewer.employer?.id)?.role ?? null) : null;
  const owner = viewer?.role === 'INSTITUTION_STAFF' && viewer.institution?.id === pathway.ownerInstitution.id;
  const editor = admin || owner || partnerRole !== null;
  const validator = admin || partnerRole === 'VALIDATOR';
  const publisher = admin || owner;
  const status = pathway.status;
  const revisionOpen = pathway.versions.some((version) => OPEN.includes(version.status));

  const steps: Step[] = [];
  if (editor && EDITABLE.includes(status)) steps.push('submitForReview');
  if (validator && status === 'IN_REVIEW') steps.push('approve', 'requestChanges');
  if (publisher && status === 'APPROVED') steps.push('publish');
  if (editor && status === 'PUBLISHED' && !revisionOpen) steps.push('startRevision');
  if (publisher && status === 'PUBLISHED') steps.push('retire');

  return {
    edit: editor && EDITABLE.includes(status),
    comment: editor,
    managePartners: publisher && EDITABLE.includes(status),
    endorse: viewer?.role === 'EMPLOYER_PARTNER' && partnerRole !== null && ENDORSABLE.includes(status),
    steps,
    partnerRole,
  };
}
