import { Box, Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Link as RouterLink } from 'react-router-dom';
import { Notice } from '../components/Notice';
import { contentManagerPath } from '../translation-status/content-manager-link';
import { entryName } from '../translation-status/entry-name';
import { describeField } from '../translation-status/field-names';
import { kindLabels } from '../translation-status/labels';
import { useFieldNaming } from '../translation-status/useFieldNaming';
import { typeUidOfKind } from '../translation-status/kind-uids';
import { useText } from '../translations/messages';
import { type ImportOutcome, unitAddress, untranslatedFieldCount, writtenFieldCount } from './import-outcome';

/** What an upload came to: what was written (with links to the entries), or why nothing was. */
export function ImportOutcomeView({ file, outcome }: { file: string; outcome: ImportOutcome }) {
  const text = useText();
  const naming = useFieldNaming();
  // A problem's unit in words (kind and field), not its id: the message itself names the entry.
  const unitName = (unit: string): string => {
    const address = unitAddress(unit);
    if (!address) return text('xliff.import.problem.unit');
    const kind = address.kind in kindLabels ? text(kindLabels[address.kind as keyof typeof kindLabels]) : text('xliff.import.problem.unit');
    return address.path === '' ? kind : `${kind}, ${describeField(address.path, naming(typeUidOfKind(address.kind)))}`;
  };
  if (outcome.kind === 'failed') {
    return <Notice variant="danger">{text('xliff.import.failed', { file, reason: outcome.reason })}</Notice>;
  }
  if (outcome.kind === 'rejected') {
    // Not <Notice>: its body is a paragraph, and the list of problems cannot go inside one.
    return (
      <Box background="danger100" borderColor="danger200" borderStyle="solid" borderWidth="1px" hasRadius padding={3} role="alert">
        <Typography tag="p" variant="omega" fontWeight="bold" textColor="neutral800">
          {text('xliff.import.rejected.title', { file })}
        </Typography>
        <Typography tag="p" variant="omega" textColor="neutral800">
          {text('xliff.import.rejected.body', { count: outcome.problems.length })}
        </Typography>
        <Box tag="ul" paddingTop={2} paddingLeft={4} style={{ listStyle: 'disc' }}>
          {outcome.problems.map((problem, index) => (
            <li key={`${problem.unit ?? 'file'}-${index}`}>
              <Typography textColor="neutral800">
                <strong>{problem.unit ? unitName(problem.unit) : text('xliff.import.problem.file')}</strong>
                {': '}
                {problem.message}
              </Typography>
            </li>
          ))}
        </Box>
      </Box>
    );
  }

  const { result } = outcome;
  const untranslated = untranslatedFieldCount(result);
  return (
    <Box role="status">
      <Notice variant="neutral" title={text('xliff.import.success.title', { file, locale: result.locale })}>
        {text('xliff.import.success.body', {
          units: result.units,
          entries: result.written.length,
          fields: writtenFieldCount(result),
          unchanged: result.unchanged,
          skipped: result.skipped,
        })}
      </Notice>
      {untranslated > 0 ? (
        <Box paddingTop={3}>
          <Notice variant="warning" title={text('xliff.import.untranslated.title')}>
            {text('xliff.import.untranslated.body', { count: untranslated, locale: result.locale })}
          </Notice>
        </Box>
      ) : null}
      {result.written.length > 0 ? (
        <Box paddingTop={4}>
          <Table colCount={untranslated > 0 ? 4 : 3} rowCount={result.written.length + 1}>
            <caption style={{ textAlign: 'start', padding: '0.5rem 0' }}>
              <Typography variant="delta">{text('xliff.import.written.caption', { locale: result.locale })}</Typography>
            </caption>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">{text('translation.column.entry')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{text('xliff.import.written.change')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{text('translation.column.fields')}</Typography>
                </Th>
                {untranslated > 0 ? (
                  <Th>
                    <Typography variant="sigma">{text('xliff.import.written.untranslated')}</Typography>
                  </Th>
                ) : null}
              </Tr>
            </Thead>
            <Tbody>
              {result.written.map((entry) => {
                const uid = typeUidOfKind(entry.kind);
                const name = entryName({ kind: entry.kind, documentId: entry.documentId, key: entry.entryId === entry.documentId ? null : entry.entryId, label: entry.label }, text);
                return (
                  <Tr key={`${entry.kind}/${entry.documentId}`}>
                    <Td>
                      {uid ? (
                        <Link tag={RouterLink} to={contentManagerPath(uid, entry.documentId, result.locale)}>
                          {name}
                        </Link>
                      ) : (
                        <Typography>{name}</Typography>
                      )}
                    </Td>
                    <Td>
                      <Typography>{text(entry.created ? 'xliff.import.written.created' : 'xliff.import.written.updated', { locale: result.locale })}</Typography>
                    </Td>
                    <Td style={{ whiteSpace: 'normal' }}>
                      <Typography>
                        {entry.fields
                          .filter((path) => !entry.untranslated.includes(path))
                          .map((path) => describeField(path, naming(uid)))
                          .join(', ')}
                      </Typography>
                    </Td>
                    {untranslated > 0 ? (
                      <Td style={{ whiteSpace: 'normal' }}>
                        <Typography>{entry.untranslated.map((path) => describeField(path, naming(uid))).join(', ')}</Typography>
                      </Td>
                    ) : null}
                  </Tr>
                );
              })}
            </Tbody>
          </Table>
        </Box>
      ) : null}
    </Box>
  );
}
