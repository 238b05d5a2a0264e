import { ResourceDescription } from '../dataProvider';

export const occupationDescription: ResourceDescription = {
  typeName: 'Occupation',
  listQuery: 'occupations',
  filterFields: ['search', 'socCode', 'jobZone', 'competencyId'],
  orderFields: { socCode: 'SOC_CODE', title: 'TITLE', medianAnnualWage: 'MEDIAN_ANNUAL_WAGE' },
  listSelection: 'id socCode title medianAnnualWage wageYear typicalEducation jobZone',
  showSelection: `id socCode onetSocCode title description medianAnnualWage wageSource wageYear typicalEducation jobZone tasks
    competencies { id isCore competency { id code statement } }`,
  inputFields: ['socCode', 'onetSocCode', 'title', 'description', 'medianAnnualWage', 'wageSource', 'wageYear', 'typicalEducation', 'jobZone', 'tasks'],
  requiredOnCreate: ['socCode', 'title'],
};
