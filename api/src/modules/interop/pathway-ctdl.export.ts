import { sideBySide } from '../../core/side-by-side';
import { EntityManager, In } from 'typeorm';
import { toGlobalId } from '../../core/ids';
import { Credential } from '../credentials/credential.entity';
import { Institution } from '../institutions/institution.entity';
import { Occupation } from '../occupations/occupation.entity';
import { Pathway } from '../pathways/pathway.entity';
import { PathwayDestination } from '../pathways/pathway-destination.entity';
import { PathwayStage, StageRequirement } from '../pathways/pathway-stage.entity';
import { StageCredential } from '../pathways/stage-credential.entity';
import { onetUrl } from './achievement.export';
import { achievementUrl, ctidOf, issuerUrl, pathwayCtdlUrl } from './identifiers';

export const CTDL_CONTEXT = 'https://credreg.net/ctdl/schema/context/json';
const LANGUAGE = 'en-US';

interface StageSources {
  stage: PathwayStage;
  credentials: Credential[];
}

export interface PathwaySources {
  pathway: Pathway;
  owner: Institution;
  stages: StageSources[];
  destinations: Occupation[];
}

/** Loads the sources of many pathways in a fixed number of statements. */
export async function loadPathwaySources(em: EntityManager, pathwayIds: readonly number[]): Promise<(PathwaySources | null)[]> {
  const ids = [...pathwayIds];
  const pathways = await em.findBy(Pathway, { id: In(ids) });
  const [owners, stages, destinations] = await sideBySide(em, [
    () => em.findBy(Institution, { id: In(pathways.map((p) => p.ownerInstitutionId)) }),
    () => em.find(PathwayStage, { where: { pathwayId: In(ids) }, order: { position: 'ASC' } }),
    () => em.find(PathwayDestination, { where: { pathwayId: In(ids) }, relations: { occupation: true }, order: { id: 'ASC' } }),
  ]);
  const placements = await em.find(StageCredential, {
    where: { stageId: In(stages.map((s) => s.id)) },
    relations: { credential: true },
    order: { position: 'ASC', id: 'ASC' },
  });
  return ids.map((id) => {
    const pathway = pathways.find((p) => p.id === id);
    if (!pathway) return null;
    return {
      pathway,
      owner: owners.find((o) => o.id === pathway.ownerInstitutionId)!,
      stages: stages.filter((s) => s.pathwayId === id).map((stage) => ({
        stage,
        credentials: placements.filter((p) => p.stageId === stage.id).map((p) => p.credential!),
      })),
      destinations: destinations.filter((d) => d.pathwayId === id).map((d) => d.occupation!),
    };
  });
}

const text = (value: string) => ({ [LANGUAGE]: value });

function condition(pathwayGid: string, pathwayId: string, { stage, credentials }: StageSources, componentId: (credential: Credential) => string) {
  const requiredNumber = stage.requirement === StageRequirement.ALL ? credentials.length : (stage.requiredCount as number);
  const ctid = ctidOf(pathwayGid, toGlobalId('PathwayStage', stage.id));
  return {
    '@type': 'ceterms:ComponentCondition',
    '@id': `${pathwayId}#${ctid}`,
    'ceterms:ctid': ctid,
    'ceterms:name': text(`Stage ${stage.position}: ${stage.title}`),
    'ceterms:description': text(
      stage.requirement === StageRequirement.ALL
        ? `All ${credentials.length} credentials of this stage`
        : `At least ${requiredNumber} of the ${credentials.length} credentials of this stage`,
    ),
    'ceterms:requiredNumber': requiredNumber,
    'ceterms:targetComponent': credentials.map(componentId),
  };
}

/**
 * A pathway as a CTDL JSON-LD graph: the ceterms:Pathway, a CredentialComponent per credential,
 * and a destination component per occupation it leads to (or one for completing the pathway when
 * it names none). Each stage is a ComponentCondition of the destinations, requiring all or N of
 * its credentials. CTIDs are name-based UUIDs of our global IDs, so every export of a version is
 * the same document; components are fragments of the pathway's own URL.
 */
export function pathwayGraph({ pathway, owner, stages, destinations }: PathwaySources): Record<string, unknown> {
  const pathwayGid = toGlobalId('Pathway', pathway.id);
  const pathwayId = pathwayCtdlUrl(pathway.id);
  const component = (typeName: string, id: number) => {
    const ctid = ctidOf(pathwayGid, toGlobalId(typeName, id));
    return { ctid, id: `${pathwayId}#${ctid}` };
  };
  const owners = [issuerUrl({ type: 'Institution', id: owner.id })];
  const credentials = [...new Map(stages.flatMap((s) => s.credentials).map((c) => [c.id, c])).values()];
  const credentialComponentId = (credential: Credential) => component('Credential', credential.id).id;
  const conditions = stages.map((stage) => condition(pathwayGid, pathwayId, stage, credentialComponentId));
  // Each condition is one node of the graph; components refer to it by @id (with the type and name
  // the registry schema asks of every hasCondition entry), so no CTID appears twice.
  const conditionRefs = conditions.map((c) => ({ '@type': c['@type'], '@id': c['@id'], 'ceterms:name': c['ceterms:name'] }));

  const credentialComponents = credentials.map((credential) => ({
    '@type': 'ceterms:CredentialComponent',
    '@id': credentialComponentId(credential),
    'ceterms:ctid': component('Credential', credential.id).ctid,
    'ceterms:name': text(credential.title),
    'ceterms:description': text(credential.description ?? `${credential.title}: a level ${credential.level} microcredential of ${credential.workloadHours} hours.`),
    'ceterms:subjectWebpage': achievementUrl(credential.id),
    'ceterms:sourceData': achievementUrl(credential.id),
    'ceterms:credentialType': 'ceterms:MicroCredential',
    'ceterms:pointValue': { '@type': 'schema:QuantitativeValue', 'schema:value': credential.creditValue, 'schema:unitText': 'credits' },
    'ceterms:isChildOf': [pathwayId],
    'ceterms:isPartOf': [pathwayId],
  }));

  const destinationShared = { 'ceterms:isDestinationComponentOf': [pathwayId], 'ceterms:isPartOf': [pathwayId], 'ceterms:hasCondition': conditionRefs };
  const destinationComponents = destinations.length > 0
    ? destinations.map((occupation) => ({
      '@type': 'ceterms:JobComponent',
      '@id': component('Occupation', occupation.id).id,
      'ceterms:ctid': component('Occupation', occupation.id).ctid,
      'ceterms:name': text(occupation.title),
      'ceterms:description': text(occupation.description ?? `${occupation.title} (SOC ${occupation.socCode})`),
      'ceterms:subjectWebpage': onetUrl(occupation),
      'ceasn:codedNotation': occupation.socCode,
      'ceterms:occupationType': [{
        '@type': 'ceterms:CredentialAlignmentObject',
        'ceterms:codedNotation': occupation.socCode,
        'ceterms:targetNodeName': text(occupation.title),
        'ceterms:frameworkName': text('Standard Occupational Classification (SOC) 2018'),
        'ceterms:targetNode': onetUrl(occupation),
      }],
      ...destinationShared,
    }))
    : [{
      '@type': 'ceterms:BasicComponent',
      '@id': component('Pathway', pathway.id).id,
      'ceterms:ctid': component('Pathway', pathway.id).ctid,
      'ceterms:name': text(`Completion of ${pathway.title}`),
      'ceterms:description': text(`Every stage of ${pathway.title} completed`),
      'ceterms:subjectWebpage': pathwayId,
      ...destinationShared,
    }];

  const pathwayNode = {
    '@type': 'ceterms:Pathway',
    '@id': pathwayId,
    'ceterms:ctid': ctidOf(pathwayGid),
    'ceterms:name': text(pathway.title),
    'ceterms:description': text(pathway.description ?? `${pathway.title}, a micropathway of ${credentials.length} credentials offered by ${owner.name}.`),
    'ceterms:inLanguage': [LANGUAGE],
    'ceterms:ownedBy': owners,
    'ceterms:offeredBy': owners,
    'ceterms:subjectWebpage': pathwayId,
    'ceterms:versionIdentifier': [{ '@type': 'ceterms:IdentifierValue', 'ceterms:identifierValueCode': String(pathway.version) }],
    'ceterms:hasChild': credentialComponents.map((c) => c['@id']),
    'ceterms:hasDestinationComponent': destinationComponents.map((c) => c['@id']),
  };

  return { '@context': CTDL_CONTEXT, '@graph': [pathwayNode, ...credentialComponents, ...destinationComponents, ...conditions] };
}
