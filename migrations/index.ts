import { Initial1795391325511 } from './1795391325511-initial';
import { SearchIndexes1795391400000 } from './1795391400000-search-indexes';
import { Accounts1795391884975 } from './1795391884975-accounts';
import { AuditLog1795392098153 } from './1795392098153-audit-log';
import { Comments1795392829144 } from './1795392829144-pathway-comments';
import { CasePackages1795400000000 } from './1795400000000-case-packages';
import { IssuerKeys1795410000000 } from './1795410000000-issuer-keys';
import { PathwayPageNotify1795440000000 } from './1795440000000-pathway-page-notify';
import { CatalogueNotify1795460000000 } from './1795460000000-catalogue-notify';
import { ReferenceRowsNotify1795470000000 } from './1795470000000-reference-rows-notify';
import { CatalogueProgramsNotify1795480000000 } from './1795480000000-catalogue-programs-notify';
import { DropReferenceRowsNotify1796000000000 } from './1796000000000-drop-reference-rows-notify';
import { AwardRevokedOn1796200000000 } from './1796200000000-award-revoked-on';
import { SigningSubjectsStatus1796300000000 } from './1796300000000-signing-subjects-status';
import { EducationSource1796300100000 } from './1796300100000-education-source';
import { UserTokenVersion1797100000000 } from './1797100000000-user-token-version';
import { EndorsementHidden1797200000000 } from './1797200000000-endorsement-hidden';
import { CompetencyCodeNaturalOrder1797600000000 } from './1797600000000-competency-code-natural-order';
import { RecordRevisions1797700000000 } from './1797700000000-record-revisions';

/** Migrations in the order they run; listed explicitly so compiled and test runs load the same set. */
export const migrations: Function[] = [Initial1795391325511, SearchIndexes1795391400000, Accounts1795391884975, AuditLog1795392098153, Comments1795392829144, CasePackages1795400000000, IssuerKeys1795410000000, PathwayPageNotify1795440000000, CatalogueNotify1795460000000, ReferenceRowsNotify1795470000000, CatalogueProgramsNotify1795480000000, DropReferenceRowsNotify1796000000000, AwardRevokedOn1796200000000, SigningSubjectsStatus1796300000000, EducationSource1796300100000, UserTokenVersion1797100000000, EndorsementHidden1797200000000, CompetencyCodeNaturalOrder1797600000000, RecordRevisions1797700000000];
