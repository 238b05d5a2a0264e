/** CASE 1.1 JSON members are open-ended; these are the parts the import and export touch. */
export type CaseObject = Record<string, unknown>;

export interface CaseLink {
  title: string;
  identifier: string;
  uri: string;
}

export interface CaseFrameworkExtras {
  /** CFDocument properties without a column. */
  document?: CaseObject;
  /** Top-level package members other than CFDocument, CFItems and CFAssociations (CFDefinitions, CFRubrics…). */
  package?: CaseObject;
  /** Associations other than the isChildOf links that make the competency hierarchy. */
  associations?: CaseObject[];
  /** CFDocument members the package did not have that an export would otherwise write (publisher, creator…): left out again. */
  absent?: string[];
}

export interface CaseItemExtras {
  /** CFItem properties without a column. */
  item?: CaseObject;
  /** The imported isChildOf association that set this competency's parent, as it came. */
  childOf?: CaseObject;
  /** CFItem members the package did not have that an export would otherwise write (humanCodingScheme, uri…): left out again. */
  absent?: string[];
}
