import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  type MantineColor,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconFileImport, IconUpload, IconUsersGroup } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useReducer, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CSV_FIELDS, MAX_IMPORT_BYTES, type ImportAction } from '#shared/api/values.ts';
import { sizeAndLimit } from '#shared/text/size.ts';
import { ApiError, keys, type CsvField, type ImportPreview, type ImportResult } from '../../api/client.ts';
import { errorMessage } from '../../components/errors.ts';
import { useInvalidateNetwork } from '../people/hooks.ts';
import { useAuthState } from '../auth/session.tsx';
import { isAbort, previewImport, runImport, type ImportRequest, type Mapping } from './import.api.ts';
import { FORMATS, importFlow, initialFlow, type FormatChoice, type Running } from './import-flow.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ExportCard } from '../export/ExportCard.tsx';
import { SectionHeading } from '../../components/SectionHeading.tsx';

/**
 * The largest upload the import routes accept: the server says (`IMPORT_MAX_BYTES`); until it has,
 * the default of the shared contract.
 */
const useImportLimit = (): number => useAuthState().data?.importMaxBytes ?? MAX_IMPORT_BYTES;

/** The list of parsed people grows with the file: ask for it only when it stays small. */
const SAMPLE_MAX_BYTES = 2 * 1024 * 1024;
const SAMPLE_ROWS = 20;
const PROBLEMS_SHOWN = 100;
const ACCEPT = '.vcf,.vcard,.csv,.txt,.json,text/vcard,text/x-vcard,text/csv,application/json';

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} B`;
}

type Problem = ImportPreview['problems'][number];
type T = ReturnType<typeof useTranslation>['t'];

/** Parameters that name a field, a kind of channel or item, or a separator: words to translate. */
const WORD_PARAMS = ['field', 'kind', 'item', 'found', 'expected'] as const;

/** A problem of the file in the interface's language (the server's `reason` is English). */
function problemText(t: T, exists: (key: string) => boolean, p: Problem): string {
  const key = `import.problemCodes.${p.code}`;
  if (!exists(key) && !exists(`${key}_other`)) return p.reason;
  const params: Record<string, string | number> = { ...p.params };
  for (const name of WORD_PARAMS) {
    const v = params[name];
    if (typeof v === 'string' && exists(`import.problemWords.${v}`)) params[name] = t(`import.problemWords.${v}`);
  }
  return t(key, params);
}

export default function ImportPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={1000} mx="auto">
      <PageHeader title={t('import.title')} subtitle={t('import.subtitle')} />
      <ImportFlow />
      <ExportCard />
    </Stack>
  );
}

function ImportFlow() {
  const { t } = useTranslation();
  const maxBytes = useImportLimit();
  const qc = useQueryClient();
  const invalidate = useInvalidateNetwork();
  const [flow, dispatch] = useReducer(importFlow, initialFlow);
  const { file, format, mapping, mappingDirty, preview, previewing, error, running, result, chosenSize } = flow;
  // The number of the latest preview (or reset): answers to older ones are ignored by the reducer.
  const seq = useRef(0);
  const inFlight = useRef<AbortController | null>(null);

  const request = (f: File, fmt: FormatChoice, map: Mapping | null): ImportRequest => ({
    format: fmt === 'auto' ? undefined : fmt,
    mapping: map,
    filename: f.name,
  });

  const runPreview = async (f: File, fmt: FormatChoice, map: Mapping | null) => {
    inFlight.current?.abort();
    const ctrl = new AbortController();
    inFlight.current = ctrl;
    const mine = ++seq.current;
    const fresh = map === null;
    dispatch({ type: 'previewStarted', seq: mine, fresh });
    try {
      const p = await previewImport(f, request(f, fmt, map), { people: f.size <= SAMPLE_MAX_BYTES, signal: ctrl.signal });
      dispatch({ type: 'previewDone', seq: mine, fresh, preview: p });
    } catch (err) {
      if (!isAbort(err)) dispatch({ type: 'previewFailed', seq: mine, fresh, error: err });
    }
  };

  const reset = () => {
    inFlight.current?.abort();
    dispatch({ type: 'reset', seq: ++seq.current });
  };

  const choose = (f: File) => {
    inFlight.current?.abort();
    const refused =
      f.size > maxBytes
        ? new ApiError(413, 'payload_too_large', `The file is ${formatSize(f.size)}`)
        : f.size === 0
          ? new ApiError(400, 'empty_file', 'The file is empty')
          : null;
    if (refused) {
      dispatch({ type: 'refused', size: f.size, error: refused, seq: ++seq.current });
      return;
    }
    dispatch({ type: 'chosen', file: f, seq: ++seq.current });
    void runPreview(f, format, null);
  };

  const changeFormat = (fmt: FormatChoice) => {
    dispatch({ type: 'format', format: fmt });
    if (file && !running) void runPreview(file, fmt, null);
  };

  const confirm = async () => {
    if (!file || !preview) return;
    dispatch({ type: 'importStarted' });
    try {
      const r = await runImport(file, request(file, format, mapping), (phase, done, total) =>
        dispatch({ type: 'progress', phase, done, total }),
      );
      dispatch({ type: 'importDone', result: r });
      await Promise.all([invalidate(), qc.invalidateQueries({ queryKey: keys.duplicates })]);
    } catch (err) {
      dispatch({ type: 'importFailed', error: err });
    }
  };

  const busy = running !== null && result === null;

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label={t('import.sectionTitle')}>
      <Stack gap="md">
        <SectionHeading
          icon={<IconFileImport size={22} color="var(--mantine-color-teal-6)" />}
          title={t('import.sectionTitle')}
        />

        {running ? (
          <ImportProgress running={running} />
        ) : (
          <>
            <Select
              label={t('import.format')}
              data={FORMATS.map((f) => ({ value: f, label: t(`import.formats.${f}`) }))}
              value={format}
              onChange={(v) => v && changeFormat(v)}
              allowDeselect={false}
              maw={{ base: '100%', sm: 360 }}
            />
            <DropZone file={file} onFile={choose} disabled={busy} />
          </>
        )}

        {previewing && (
          <Group gap="xs" role="status">
            <Loader size="sm" />
            <Text size="sm">{t('import.reading')}</Text>
          </Group>
        )}

        {error !== null && <ImportError err={error} fileSize={chosenSize} />}

        {result ? (
          <ImportDone result={result} onAgain={reset} />
        ) : (
          preview &&
          file &&
          !running && (
            <PreviewPanel
              file={file}
              preview={preview}
              mapping={mapping}
              mappingDirty={mappingDirty}
              previewing={previewing}
              onMapping={(m) => dispatch({ type: 'mapping', mapping: m })}
              onApplyMapping={() => void runPreview(file, format, mapping)}
              onCancel={reset}
              onConfirm={() => void confirm()}
            />
          )
        )}
      </Stack>
    </Paper>
  );
}

function DropZone({ file, onFile, disabled }: { file: File | null; onFile: (f: File) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const maxBytes = useImportLimit();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const helpId = useId();
  // Phones and tablets cannot drag a file: there, only the button makes sense.
  const touch = useMediaQuery('(pointer: coarse)');

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    const f = e.dataTransfer.files[0];
    if (f) onFile(f);
  };

  return (
    <Paper
      role="group"
      aria-label={t('import.dropZone')}
      aria-describedby={helpId}
      p={{ base: 'md', sm: 'xl' }}
      radius="md"
      withBorder
      bg={over ? 'teal.0' : 'gray.0'}
      style={{ borderStyle: 'dashed', borderWidth: 2, borderColor: over ? 'var(--mantine-color-teal-5)' : undefined }}
      onDragEnter={(e: DragEvent<HTMLDivElement>) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragOver={(e: DragEvent<HTMLDivElement>) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(e: DragEvent<HTMLDivElement>) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={onDrop}
    >
      <Stack gap="xs" align="center" ta="center">
        <IconUpload size={32} color="var(--mantine-color-teal-6)" aria-hidden />
        <Text fw={600}>{touch ? t('import.pickHere') : t('import.dropHere')}</Text>
        <Text size="sm" c="dimmed" id={helpId}>
          {t('import.dropHelp', { size: formatSize(maxBytes) })}
        </Text>
        <Button variant="light" onClick={() => input.current?.click()} disabled={disabled}>
          {file ? t('import.chooseAnother') : t('import.chooseFile')}
        </Button>
        {file && (
          <Text size="sm" className="rete-break">
            {t('import.chosen', { name: file.name, size: formatSize(file.size) })}
          </Text>
        )}
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          hidden
          aria-label={t('import.chooseFile')}
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            // Cleared so that choosing the same file again still counts as a choice.
            e.currentTarget.value = '';
            if (f) onFile(f);
          }}
        />
      </Stack>
    </Paper>
  );
}

function ImportError({ err, fileSize }: { err: unknown; fileSize: number }) {
  const { t } = useTranslation();
  const maxBytes = useImportLimit();
  let title = t('import.errors.title');
  let message = errorMessage(err);
  if (err instanceof ApiError) {
    switch (err.code) {
      case 'payload_too_large':
        message =
          fileSize > maxBytes
            ? t('import.errors.tooBigSize', sizeAndLimit(fileSize, maxBytes))
            : t('import.errors.tooBig', { size: formatSize(maxBytes) });
        break;
      case 'unsupported_media_type':
        message = t('import.errors.unsupported');
        break;
      case 'empty_file':
        message = t('import.errors.empty');
        break;
      case 'import_interrupted':
        title = t('import.errors.interruptedTitle');
        message = t('import.errors.interrupted');
        break;
      case 'validation_failed':
        // "No contact could be read" (the preview has shown why, line by line, in this language).
        if (err.details.some((d) => d.path.startsWith('line'))) message = t('import.errors.noContacts');
        break;
      default:
        break;
    }
  }
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={title} role="alert">
      <Text size="sm">{message}</Text>
    </Alert>
  );
}

function Stat({ label, value, color }: { label: string; value: number; color?: string }) {
  const id = useId();
  return (
    <Paper withBorder p="sm" radius="md" role="group" aria-labelledby={id}>
      <Text id={id} size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fz={26} fw={700} c={color} data-stat>
        {value}
      </Text>
    </Paper>
  );
}

interface PreviewProps {
  file: File;
  preview: ImportPreview;
  mapping: Mapping | null;
  mappingDirty: boolean;
  previewing: boolean;
  onMapping: (m: Mapping) => void;
  onApplyMapping: () => void;
  onCancel: () => void;
  onConfirm: () => void;
}

function PreviewPanel({
  file,
  preview: p,
  mapping,
  mappingDirty,
  previewing,
  onMapping,
  onApplyMapping,
  onCancel,
  onConfirm,
}: PreviewProps) {
  const { t } = useTranslation();
  const suppressed = p.suppressed;
  const skipped = p.problems.filter((x) => x.severity === 'skipped').length;
  const nothingToDo = p.toCreate + p.toMerge === 0;
  const noContacts = p.contacts === 0 && nothingToDo;
  const ref = useRef<HTMLDivElement>(null);
  // A new file's preview starts below the drop zone, often off the screen of a phone: bring it in.
  useEffect(() => {
    const el = ref.current;
    if (el && el.getBoundingClientRect().top > window.innerHeight * 0.6)
      el.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, []);
  return (
    <Stack ref={ref} gap="md" component="section" aria-label={t('import.preview.title')} style={{ scrollMarginTop: 76 }}>
      <div>
        <Title order={3} size="h5">
          {t('import.preview.title')}
        </Title>
        <Text size="sm" c="dimmed" className="rete-break">
          {t('import.preview.detected', {
            name: file.name,
            format: t(`import.formatNames.${p.format}`),
            encoding: p.encoding,
            count: p.contacts,
          })}
        </Text>
      </div>

      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm">
        <Stat label={t('import.preview.toCreate')} value={p.toCreate} color="teal.7" />
        <Stat label={t('import.preview.toMerge')} value={p.toMerge} color="blue.7" />
        <Stat label={t('import.preview.unchanged')} value={p.unchanged} />
        <Stat label={t('import.preview.duplicatesInFile')} value={p.duplicatesInFile} />
        <Stat label={t('import.preview.problems')} value={skipped} color={skipped ? 'orange.7' : undefined} />
        <Stat label={t('import.preview.suppressed')} value={suppressed} color={suppressed ? 'grape.7' : undefined} />
      </SimpleGrid>

      {noContacts && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
          {t('import.errors.noContacts')}
        </Alert>
      )}

      {p.joinedRecords > 0 && (
        <Alert color="blue" variant="light" icon={<IconUsersGroup size={18} />}>
          {t('import.preview.joined', { count: p.joinedRecords, people: p.joinedPeople })}
        </Alert>
      )}

      {suppressed > 0 && (
        <Alert color="grape" variant="light">
          {t('import.preview.suppressedHelp', { count: suppressed })}
        </Alert>
      )}

      {mapping && p.csvHeaders && (
        <MappingStep
          headers={p.csvHeaders}
          noHeader={p.problems.some((x) => x.code === 'csv_no_header')}
          mapping={mapping}
          dirty={mappingDirty}
          loading={previewing}
          onChange={onMapping}
          onApply={onApplyMapping}
        />
      )}

      {p.problems.length > 0 && <ProblemsList problems={p.problems} />}

      {p.people && p.people.length > 0 && <SamplePeople people={p.people} />}

      {nothingToDo && !noContacts && (
        <Alert color="gray" variant="light" icon={<IconCheck size={18} />}>
          {t('import.preview.nothingToDo')}
        </Alert>
      )}

      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button onClick={onConfirm} disabled={nothingToDo || mappingDirty || previewing}>
          {t('import.confirm')}
        </Button>
      </Group>
      {mappingDirty && (
        <Text size="xs" c="dimmed" ta="right">
          {t('import.mapping.dirty')}
        </Text>
      )}
    </Stack>
  );
}

function MappingStep({
  headers,
  noHeader,
  mapping,
  dirty,
  loading,
  onChange,
  onApply,
}: {
  headers: string[];
  /** The file has no header: the server named the columns `Column 1`, `Column 2`, … */
  noHeader: boolean;
  mapping: Mapping;
  dirty: boolean;
  loading: boolean;
  onChange: (m: Mapping) => void;
  onApply: () => void;
}) {
  const { t } = useTranslation();
  const options = CSV_FIELDS.map((f) => ({ value: f, label: t(`import.fields.${f}`) }));
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={t('import.mapping.title')}>
      <Stack gap="sm">
        <SectionHeading order={4} size="h6" title={t('import.mapping.title')} help={t('import.mapping.help')} />
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" verticalSpacing="xs">
          {headers.map((h, i) => (
            <NativeSelect
              key={`${h}-${i}`}
              label={columnLabel(t, h, noHeader)}
              data={options}
              value={mapping[h] ?? 'ignore'}
              onChange={(e) => onChange({ ...mapping, [h]: e.currentTarget.value as CsvField })}
              styles={{ label: { overflowWrap: 'anywhere' } }}
            />
          ))}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="light" onClick={onApply} loading={loading} disabled={!dirty}>
            {t('import.mapping.apply')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A column's name, or "Colonna 3" for the third of a file without a header. */
function columnLabel(t: T, header: string, noHeader: boolean): string {
  const n = noHeader ? /^Column (\d+)$/.exec(header)?.[1] : undefined;
  return n === undefined ? header : t('import.mapping.column', { n });
}

function ProblemsList({ problems }: { problems: ImportPreview['problems'] }) {
  const { t, i18n } = useTranslation();
  const exists = (key: string) => i18n.exists(key);
  const shown = problems.slice(0, PROBLEMS_SHOWN);
  return (
    <Stack gap="xs" component="section" aria-label={t('import.problems.title')}>
      <Title order={4} size="h6">
        {t('import.problems.title')}
      </Title>
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={100}>{t('import.problems.where')}</Table.Th>
              <Table.Th>{t('import.problems.effect')}</Table.Th>
              <Table.Th>{t('import.problems.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((x, i) => (
              <Table.Tr key={i}>
                <Table.Td>{x.line > 0 ? t('import.problems.line', { line: x.line }) : t('import.problems.wholeFile')}</Table.Td>
                <Table.Td>
                  <Text size="xs" fw={600} c={x.severity === 'skipped' ? 'orange.8' : x.severity === 'file' ? 'red.8' : 'gray.7'}>
                    {t(`import.problems.severity.${x.severity}`)}
                  </Text>
                </Table.Td>
                <Table.Td className="rete-break">{problemText(t, exists, x)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {problems.length > shown.length && (
        <Text size="xs" c="dimmed">
          {t('import.problems.more', { count: problems.length - shown.length })}
        </Text>
      )}
    </Stack>
  );
}

function SamplePeople({ people }: { people: NonNullable<ImportPreview['people']> }) {
  const { t } = useTranslation();
  const shown = people.slice(0, SAMPLE_ROWS);
  const color: Record<ImportAction, MantineColor> = { create: 'teal', merge: 'blue', unchanged: 'gray' };
  return (
    <Stack gap="xs" component="section" aria-label={t('import.sample.title')}>
      <Title order={4} size="h6">
        {t('import.sample.title')}
      </Title>
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing={4} fz="sm" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('person.name')}</Table.Th>
              <Table.Th>{t('people.companyRole')}</Table.Th>
              <Table.Th>{t('person.emails')}</Table.Th>
              <Table.Th>{t('import.sample.action')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((p, i) => (
              <Table.Tr key={i}>
                <Table.Td className="rete-break">{p.name}</Table.Td>
                <Table.Td className="rete-break">{[p.role, p.company].filter(Boolean).join(' · ')}</Table.Td>
                <Table.Td className="rete-break">{p.emails.map((e) => e.value).join(', ')}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge size="sm" variant="light" color={color[p.action]} tt="none">
                      {t(`import.sample.actions.${p.action}`)}
                    </Badge>
                    {p.joins.length > 0 && (
                      <Badge size="sm" variant="light" color="grape" tt="none">
                        {t('import.sample.joins', { count: p.joins.length })}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {people.length > shown.length && (
        <Text size="xs" c="dimmed">
          {t('import.sample.more', { count: people.length - shown.length })}
        </Text>
      )}
    </Stack>
  );
}

function ImportProgress({ running }: { running: Running }) {
  const { t } = useTranslation();
  const label = running.phase === 'done' ? t('import.progress.done') : t(`import.progress.${running.phase}`);
  return (
    <Stack gap={6} role="status" aria-live="polite">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={500}>
          {label}
          {running.phase === 'write' && running.total > 0 && ` (${running.done} / ${running.total})`}
        </Text>
        <Text size="sm" fw={700} data-testid="import-percent">
          {running.percent} %
        </Text>
      </Group>
      <Progress.Root size="xl" radius="xl">
        <Progress.Section
          value={running.percent}
          color={running.phase === 'done' ? 'teal' : 'blue'}
          animated={running.phase !== 'done'}
          aria-label={t('import.progress.label')}
        />
      </Progress.Root>
    </Stack>
  );
}

function ImportDone({ result: r, onAgain }: { result: ImportResult; onAgain: () => void }) {
  const { t } = useTranslation();
  const skipped = r.problems.filter((x) => x.severity === 'skipped').length;
  const suppressed = r.suppressed;
  return (
    <Alert color="teal" variant="light" icon={<IconCheck size={18} />} title={t('import.result.title')}>
      <Stack gap="sm">
        <Stack gap={2}>
          <Text size="sm">{t('import.result.created', { count: r.created.length })}</Text>
          {r.merged.length > 0 && <Text size="sm">{t('import.result.merged', { count: r.merged.length })}</Text>}
          {r.joinedRecords > 0 && (
            <Text size="sm">{t('import.result.joined', { count: r.joinedRecords, people: r.joinedPeople })}</Text>
          )}
          {r.unchanged > 0 && <Text size="sm">{t('import.result.unchanged', { count: r.unchanged })}</Text>}
          {skipped > 0 && <Text size="sm">{t('import.result.skipped', { count: skipped })}</Text>}
          {suppressed > 0 && <Text size="sm">{t('import.result.suppressed', { count: suppressed })}</Text>}
        </Stack>
        <Group gap="sm">
          <Button component={Link} to="/people">
            {t('import.result.seePeople')}
          </Button>
          <Button variant="default" onClick={onAgain}>
            {t('import.result.another')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
