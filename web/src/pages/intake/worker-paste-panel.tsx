import { ImportOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Typography, type FormInstance } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { legalDateOf } from '../desk/legal-date';
import { duplicateOf, type ApplicantValues, type IntakeValues } from './intake-values';
import { parseWorkerRows, type PasteProblem } from './worker-paste';

/** A pasted row with problems, numbered as the list numbers it (where it is to be corrected). */
interface BadRow {
  readonly row: number;
  readonly problems: readonly PasteProblem[];
  readonly duplicateOf: number | undefined;
}

function isBlank(applicant: ApplicantValues | undefined): boolean {
  return !applicant?.name?.trim() && !applicant?.idNumber?.trim() && !applicant?.phone?.trim();
}

/**
 * Paste rows copied from a spreadsheet, then import them into the worker table. The rows join the list as they are,
 * bad ones too: the list marks their bad cells and the summary names them, so nothing typed is lost.
 */
export function WorkerPastePanel({ form }: { form: FormInstance<IntakeValues> }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ imported: number; bad: BadRow[] } | null>(null);

  const importRows = () => {
    const existing = ((form.getFieldValue('applicants') as ApplicantValues[] | undefined) ?? []).filter((applicant) => !isBlank(applicant));
    const rows = parseWorkerRows(text, legalDateOf(new Date()), existing);
    if (rows.length === 0) {
      setResult({ imported: 0, bad: [] });
      return;
    }
    const applicants = [...existing, ...rows.map((row) => row.applicant)];
    form.setFieldValue('applicants', applicants);
    const workerCount = form.getFieldValue('workerCount') as number | null | undefined;
    if (!workerCount || workerCount < applicants.length) form.setFieldValue('workerCount', applicants.length);
    const bad = rows.flatMap((row, index): BadRow[] => {
      if (row.problems.length === 0) return [];
      const listIndex = existing.length + index;
      return [{ row: listIndex + 1, problems: row.problems, duplicateOf: duplicateOf(applicants, listIndex) }];
    });
    setResult({ imported: rows.length, bad });
    setText('');
    // Marks the bad cells of the new rows at once, rather than at submit.
    const fields = rows.flatMap((_, index) => ['name', 'idNumber', 'phone'].map((field) => ['applicants', existing.length + index, field]));
    setTimeout(() => void form.validateFields(fields).catch(() => undefined), 0);
  };

  return (
    <Flex vertical gap="small" data-testid="worker-paste">
      <Typography.Text strong>
        <label htmlFor={id}>{t('intake.paste.label')}</label>
      </Typography.Text>
      <Typography.Text type="secondary">{t('intake.paste.hint')}</Typography.Text>
      <Input.TextArea id={id} rows={4} value={text} onChange={(event) => setText(event.target.value)} placeholder={t('intake.paste.placeholder')} spellCheck={false} />
      <div>
        <Button icon={<ImportOutlined />} onClick={importRows} disabled={text.trim() === ''}>
          {t('intake.paste.import')}
        </Button>
      </div>
      {result && result.imported === 0 ? <Alert type="warning" showIcon title={t('intake.paste.nothing')} /> : null}
      {result && result.imported > 0 ? (
        <Alert
          type={result.bad.length > 0 ? 'warning' : 'success'}
          showIcon
          data-testid="paste-result"
          title={t('intake.paste.imported', { count: result.imported })}
          description={
            result.bad.length > 0 ? (
              <>
                {t('intake.paste.badRows', { count: result.bad.length })}
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {result.bad.map((row) => (
                    <li key={row.row}>
                      {t('intake.paste.rowProblem', {
                        row: row.row,
                        problems: row.problems.map((problem) => t(`intake.rules.${problem}`, { row: row.duplicateOf ?? '' })).join(t('intake.paste.separator')),
                      })}
                    </li>
                  ))}
                </ul>
              </>
            ) : undefined
          }
        />
      ) : null}
    </Flex>
  );
}
