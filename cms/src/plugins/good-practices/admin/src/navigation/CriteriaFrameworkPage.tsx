import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Link as RouterLink } from 'react-router-dom';
import { uids } from '../../../contract/plugin-id';
import { type MessageKey, useText } from '../translations/messages';
import { criteriaFrameworkPermissions } from './criteria-framework';

const AREAS: ReadonlyArray<{ uid: string; label: MessageKey }> = [
  { uid: uids.criteriaGroup, label: 'framework.criteriaGroups' },
  { uid: uids.question, label: 'framework.questions' },
  { uid: uids.checklistItem, label: 'framework.checklistItems' },
  { uid: uids.integrationArea, label: 'framework.integrationAreas' },
  { uid: uids.targetGroup, label: 'framework.targetGroups' },
];

/**
 * The administrators' "Criteria framework" area: the framework's and the taxonomies' lists in the
 * Content Manager, which editors and translators do not see in its menu
 * (criteria-framework.ts).
 */
export default function CriteriaFrameworkPage() {
  const text = useText();
  return (
    <Page.Protect permissions={criteriaFrameworkPermissions}>
      <Page.Main>
        <Page.Title>{text('framework.title')}</Page.Title>
        <Layouts.Header title={text('framework.title')} subtitle={text('framework.intro')} />
        <Layouts.Content>
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <Flex tag="ul" direction="column" alignItems="flex-start" gap={3}>
              {AREAS.map((area) => (
                <li key={area.uid}>
                  <Link tag={RouterLink} to={`/content-manager/collection-types/${area.uid}`}>
                    <Typography variant="omega">{text(area.label)}</Typography>
                  </Link>
                </li>
              ))}
            </Flex>
          </Box>
        </Layouts.Content>
      </Page.Main>
    </Page.Protect>
  );
}
