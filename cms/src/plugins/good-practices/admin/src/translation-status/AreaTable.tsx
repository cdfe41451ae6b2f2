import { Badge, Box, Flex, Link, Table, Tbody, Td, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { Link as RouterLink } from 'react-router-dom';
import type { TranslationAreaName } from '../../../contract/admin-api';
import { useText } from '../translations/messages';
import { contentManagerPath } from './content-manager-link';
import { entryName } from './entry-name';
import { describeField } from './field-names';
import { useFieldNaming } from './useFieldNaming';
import { areaLabels, kindLabels, problemLabels } from './labels';
import type { EntryProblem, StatusRow } from './status-rows';

/** Text colours chosen for contrast (WCAG AA at the badge's small size): warning700 on warning100 is not enough. */
const problemBadge: Record<EntryProblem, { background: 'danger100' | 'warning100' | 'secondary100'; text: 'danger700' | 'neutral800' | 'secondary700' }> = {
  missing: { background: 'danger100', text: 'danger700' },
  outdated: { background: 'warning100', text: 'neutral800' },
  incomplete: { background: 'secondary100', text: 'secondary700' },
};

interface AreaTableProps {
  area: TranslationAreaName;
  rows: StatusRow[];
  locale: string;
  localeName: string;
}

/** The entries of one part of the content that need work in a locale, each linked to its edit view in that locale. */
export function AreaTable({ area, rows, locale, localeName }: AreaTableProps) {
  const text = useText();
  return (
    <Table colCount={4} rowCount={rows.length + 1}>
      <caption>
        <VisuallyHidden>{text('translation.table.caption', { area: text(areaLabels[area]), locale: localeName })}</VisuallyHidden>
      </caption>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{text('translation.column.entry')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{text('translation.column.type')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{text('translation.column.status')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{text('translation.column.fields')}</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => (
          <Tr key={`${row.kind}/${row.documentId}`}>
            <Td style={{ whiteSpace: 'normal', maxWidth: '28rem' }}>
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <Link tag={RouterLink} to={contentManagerPath(row.uid, row.documentId, locale)}>
                  {entryName(row, text)}
                </Link>
              </Flex>
            </Td>
            <Td>
              <Flex gap={1} wrap="wrap">
                <Typography textColor="neutral800">{text(kindLabels[row.kind])}</Typography>
                {row.published === false ? <Badge>{text('translation.draft')}</Badge> : null}
              </Flex>
            </Td>
            <Td>
              <Flex gap={1} wrap="wrap">
                {row.problems.map((problem) => (
                  <Badge key={problem} backgroundColor={problemBadge[problem].background} textColor={problemBadge[problem].text}>
                    {text(problemLabels[problem])}
                  </Badge>
                ))}
              </Flex>
            </Td>
            <Td style={{ whiteSpace: 'normal' }}>
              <FieldsCell row={row} />
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

function FieldsCell({ row }: { row: StatusRow }) {
  const text = useText();
  const naming = useFieldNaming()(row.uid);
  const list = (paths: string[]) => paths.map((path) => describeField(path, naming)).join(', ');
  if (row.problems.includes('missing')) {
    return <Typography textColor="neutral600">{text('translation.fields.all')}</Typography>;
  }
  return (
    <Box>
      {row.outdatedFields.length > 0 ? (
        <Typography tag="p" textColor="neutral800">
          {text(row.outdatedByTime ? 'translation.fields.outdatedByTime' : 'translation.fields.outdated', { fields: list(row.outdatedFields) })}
        </Typography>
      ) : null}
      {row.untranslatedFields.length > 0 ? (
        <Typography tag="p" textColor="neutral800">
          {text('translation.fields.untranslated', { fields: list(row.untranslatedFields) })}
        </Typography>
      ) : null}
    </Box>
  );
}
