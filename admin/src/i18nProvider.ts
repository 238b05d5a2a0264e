import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';

/** Resource names in the singular and plural people use, which page titles, menus and toasts are built from. */
const NAMES: Record<string, [string, string]> = {
  pathways: ['Pathway', 'Pathways'],
  credentials: ['Credential', 'Credentials'],
  occupations: ['Occupation', 'Occupations'],
  employers: ['Employer', 'Employers'],
  institutions: ['Institution', 'Institutions'],
  degreePrograms: ['Degree program', 'Degree programs'],
  articulationAgreements: ['Articulation agreement', 'Articulation agreements'],
  learners: ['Learner', 'Learners'],
  competencyFrameworks: ['Competency framework', 'Competency frameworks'],
  competencies: ['Competency', 'Competencies'],
  auditLog: ['Audit log entry', 'Audit log'],
};

const messages = {
  ...englishMessages,
  resources: Object.fromEntries(Object.entries(NAMES).map(([resource, [one, many]]) => [resource, {
    name: `${one} |||| ${many}`,
    // "Element updated" says nothing: the toast names what was saved.
    notifications: {
      created: `${one} created`,
      updated: `${one} saved |||| %{smart_count} ${many.toLowerCase()} saved`,
      deleted: `${one} deleted |||| %{smart_count} ${many.toLowerCase()} deleted`,
    },
  }])),
};

export const i18nProvider = polyglotI18nProvider(() => messages, 'en');
