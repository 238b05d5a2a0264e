import { Box, Typography } from '@mui/material';
import { useCanAccess, useRecordContext } from 'react-admin';
import { humanize } from '../common/choices';
import { InlineTable } from '../common/InlineTable';
import { ALIGNMENT_STRENGTHS, ASSESSMENT_METHODS } from './choices';

interface Alignment {
  id: string;
  strength: string;
  competency: { id: string; code: string; statement: string };
}

interface Outcome {
  id: string;
  position: number;
  statement: string;
  alignments: Alignment[];
}

interface CredentialRecord {
  id: string;
  revision: number;
  /** Absent while the page shows the list's copy of the record, before its own query answers. */
  outcomes?: Outcome[];
  assessments?: { id: string; method: string; description: string }[];
  rubricLevels?: { id: string; level: number; name: string; criteria: string }[];
}

const useEditable = () => useCanAccess({ resource: 'credentials', action: 'edit' }).canAccess ?? false;

const competencyText = (competency: Record<string, unknown>) => `${competency.code} ${competency.statement}`;

/** Each outcome, then the crosswalk of that outcome: which competencies it aligns to and how closely. */
export const OutcomesEditor = () => {
  const credential = useRecordContext<CredentialRecord>();
  const editable = useEditable();
  if (!credential) return null;
  const outcomes = [...(credential.outcomes ?? [])].sort((a, b) => a.position - b.position);
  return (
    <Box sx={{ width: '100%' }}>
      <InlineTable<Outcome>
        label="Learning outcomes"
        rows={outcomes}
        typeName="LearningOutcome"
        createInput={{ credentialId: credential.id }}
        editable={editable}
        addLabel="Add an outcome"
        emptyText="No learning outcomes yet"
        columns={[
          { field: 'position', label: 'No.', kind: 'number', value: (outcome) => outcome.position, width: 90 },
          { field: 'statement', label: 'Learning outcome', kind: 'multiline', value: (outcome) => outcome.statement },
        ]}
      />
      {outcomes.map((outcome) => (
        <Box key={outcome.id} component="section" aria-label={`Alignments of outcome ${outcome.position}`} sx={{ mt: 3 }}>
          <Typography variant="subtitle2" sx={{ fontWeight: 700 }}>
            Outcome {outcome.position}: {outcome.statement}
          </Typography>
          <InlineTable<Alignment>
            label={`Alignments of outcome ${outcome.position}`}
            rows={outcome.alignments ?? []}
            typeName="Alignment"
            createInput={{ outcomeId: outcome.id }}
            revision={credential.revision}
            editable={editable}
            addLabel="Align to a competency"
            emptyText="Not aligned to any competency yet"
            columns={[
              {
                field: 'competencyId',
                label: 'Competency',
                kind: 'reference',
                createOnly: true,
                reference: { resource: 'competencies', optionText: competencyText, exclude: (outcome.alignments ?? []).map((alignment) => alignment.competency.id) },
                value: (alignment) => alignment.competency.id,
                display: (alignment) => competencyText(alignment.competency),
              },
              { field: 'strength', label: 'Strength', kind: 'select', choices: ALIGNMENT_STRENGTHS, value: (alignment) => alignment.strength, display: (alignment) => humanize(alignment.strength), width: 160 },
            ]}
          />
        </Box>
      ))}
    </Box>
  );
};

export const AssessmentsEditor = () => {
  const credential = useRecordContext<CredentialRecord>();
  const editable = useEditable();
  if (!credential) return null;
  return (
    <InlineTable
      label="Assessments"
      rows={credential.assessments ?? []}
      typeName="Assessment"
      createInput={{ credentialId: credential.id }}
      editable={editable}
      addLabel="Add an assessment"
      emptyText="Not assessed: it cannot be published"
      columns={[
        { field: 'method', label: 'Method', kind: 'select', choices: ASSESSMENT_METHODS, value: (assessment) => assessment.method, display: (assessment) => humanize(assessment.method), width: 180 },
        { field: 'description', label: 'Description', kind: 'multiline', value: (assessment) => assessment.description },
      ]}
    />
  );
};

export const RubricEditor = () => {
  const credential = useRecordContext<CredentialRecord>();
  const editable = useEditable();
  if (!credential) return null;
  return (
    <InlineTable
      label="Rubric"
      rows={[...(credential.rubricLevels ?? [])].sort((a, b) => a.level - b.level)}
      typeName="RubricLevel"
      createInput={{ credentialId: credential.id }}
      editable={editable}
      addLabel="Add a mastery level"
      emptyText="No rubric yet"
      columns={[
        { field: 'level', label: 'Level', kind: 'number', createOnly: true, value: (level) => level.level, width: 90 },
        { field: 'name', label: 'Name', value: (level) => level.name, width: 200 },
        { field: 'criteria', label: 'Criteria', kind: 'multiline', value: (level) => level.criteria },
      ]}
    />
  );
};
