import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';

/** Resource names in the singular and plural people use, which page titles and menus are built from. */
const messages = {
  ...englishMessages,
  resources: {
    pathways: { name: 'Pathway |||| Pathways' },
    credentials: { name: 'Credential |||| Credentials' },
    occupations: { name: 'Occupation |||| Occupations' },
    employers: { name: 'Employer |||| Employers' },
    institutions: { name: 'Institution |||| Institutions' },
    degreePrograms: { name: 'Degree program |||| Degree programs' },
    articulationAgreements: { name: 'Articulation agreement |||| Articulation agreements' },
    learners: { name: 'Learner |||| Learners' },
  },
};

export const i18nProvider = polyglotI18nProvider(() => messages, 'en');
