import type { Grant } from '../core/grant';
import { transaction } from './database';
import { insertGrant, prepareGrant, signGrant } from './grants-service';
import { audit, OfficerError, type Officer } from './officer';
import { parseCsv } from './csv-parse';
import { endOfDay } from './dates';

/** The spreadsheet's columns (header names, any order); the first four and `expires` are required. */
export const BULK_COLUMNS = ['name', 'email', 'role', 'platforms', 'expires', 'section', 'section_name', 'clearance', 'task', 'task_ends', 'declaration_date', 'training_date'] as const;
type Column = (typeof BULK_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['name', 'email', 'role', 'platforms', 'expires'];

/** Which column a grant field comes from, to locate a schema problem in the spreadsheet. */
const FIELD_COLUMN: Record<string, Column> = {
  'holder.name': 'name', 'holder.email': 'email', role: 'role', platforms: 'platforms', expiresAt: 'expires',
  'section.number': 'section', 'section.name': 'section_name', clearance: 'clearance', 'task.description': 'task',
  'task.endsAt': 'task_ends', declarationDate: 'declaration_date', trainingDate: 'training_date',
};

export interface BulkRow {
  line: number;
  name: string;
  email: string;
  problems: string[];
  grant?: Grant;
}

export interface BulkPreview {
  rows: BulkRow[];
  /** Problems with the file as a whole (missing columns, no rows). */
  fileProblems: string[];
  ok: boolean;
}


function draftOf(get: (c: Column) => string): Record<string, unknown> {
  const section = get('section');
  const task = get('task');
  return {
    holder: { name: get('name'), email: get('email') },
    role: get('role'),
    platforms: get('platforms').split(/[\s|]+/).filter(Boolean),
    expiresAt: endOfDay(get('expires')),
    ...(section ? { section: { number: section, name: { fr: get('section_name') || `Section locale ${section}`, en: get('section_name') || `Local ${section}` } } } : {}),
    ...(get('clearance') ? { clearance: get('clearance') } : {}),
    ...(task ? { task: { description: task, endsAt: endOfDay(get('task_ends')) } } : {}),
    ...(get('declaration_date') ? { declarationDate: get('declaration_date') } : {}),
    ...(get('training_date') ? { trainingDate: get('training_date') } : {}),
  };
}

/** Reads the spreadsheet and checks every row against the schema and the policy; issues nothing. */
export function previewBulk(officer: Officer, csv: string): BulkPreview {
  const records = parseCsv(csv);
  const [header, ...data] = records;
  if (!header) return { rows: [], fileProblems: ['the file is empty'], ok: false };
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !names.includes(c));
  const fileProblems = [
    ...missing.map((c) => `line ${header.line}: column "${c}" is missing (columns: ${BULK_COLUMNS.join(', ')})`),
    ...names.filter((n) => n && !(BULK_COLUMNS as readonly string[]).includes(n)).map((n) => `line ${header.line}: unknown column "${n}"`),
    ...(data.length === 0 ? ['no rows under the header'] : []),
  ];
  const seen = new Map<string, number>();
  const rows = data.map((record): BulkRow => {
    const get = (c: Column) => (record.cells[names.indexOf(c)] ?? '').trim();
    const row: BulkRow = { line: record.line, name: get('name'), email: get('email'), problems: [] };
    if (record.cells.length !== names.length) row.problems.push(`has ${record.cells.length} cells, the header has ${names.length}`);
    try {
      row.grant = prepareGrant(officer, draftOf(get));
    } catch (error) {
      if (!(error instanceof OfficerError)) throw error;
      row.problems.push(...error.problems.map(locate));
    }
    const key = `${row.email.toLowerCase()} ${get('role')} ${get('section')}`;
    if (seen.has(key)) row.problems.push(`same person, role and section as line ${seen.get(key)}`);
    else seen.set(key, record.line);
    if (row.problems.length) delete row.grant;
    return row;
  });
  return { rows, fileProblems, ok: fileProblems.length === 0 && rows.every((r) => r.problems.length === 0) };
}

/** `holder.email: expected an email address` → `column "email": expected an email address`. */
function locate(problem: string): string {
  const [path, ...rest] = problem.split(': ');
  const field = path!.replace(/\[\d+\]$/, '').replace(/\.(fr|en)$/, '');
  const column = FIELD_COLUMN[field];
  return column ? `column "${column}": ${rest.join(': ')}` : problem;
}

/** Issues every row or none: any bad row refuses the whole file, and the inserts share one transaction. */
export async function issueBulk(officer: Officer, csv: string): Promise<{ preview: BulkPreview; issued: number }> {
  const preview = previewBulk(officer, csv);
  if (!preview.ok) return { preview, issued: 0 };
  const grants = preview.rows.map((r) => r.grant!);
  const tokens: string[] = [];
  for (const grant of grants) tokens.push(await signGrant(officer, grant));
  transaction(officer.db, () => {
    grants.forEach((g, i) => {
      insertGrant(officer, g, tokens[i]!, officer.key.keyId);
      audit(officer, 'grant-issued', g.id, `${g.holder.name} <${g.holder.email}>, ${g.role}${g.section ? `, section ${g.section.number}` : ''}, until ${g.expiresAt} (spreadsheet)`);
    });
    audit(officer, 'grants-bulk-issued', null, `${grants.length} grants from a spreadsheet`);
  });
  return { preview, issued: grants.length };
}
