/**
 * CSV injection in both dialects (issue 10 item 6): a spreadsheet must never see a cell that starts a
 * formula, neither when it reads the file with the separator it was written with, nor when it splits
 * it at the other one (Danish Excel splits a comma file at `;`, at line breaks too when a quoted
 * field starts mid-record). Read back with a tiny reader that treats quotes as Excel does.
 */
import { describe, expect, it } from 'vitest';
import type { ConsultationReport, ReportItem } from '../../../lib/comments/report/buildConsultationReport';
import { CSV_BOM, csvCell, renderReportCsv } from '../../../lib/comments/report/renderReportCsv';

const COLUMNS = 20;
const TRIGGER = /^[=+\-@\t\r]/;

/**
 * Records of cells as a spreadsheet reads them: a quote opens a quoted cell only as its first
 * character (`""` inside is one quote; what follows the closing quote is kept as text), and a line
 * break outside quotes ends the record.
 */
function readCsv(text: string, separator: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  let atStart = true;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
      } else {
        cell += c;
        i += 1;
      }
      continue;
    }
    if (c === '"' && atStart) {
      quoted = true;
      atStart = false;
      i += 1;
    } else if (c === separator) {
      record.push(cell);
      cell = '';
      atStart = true;
      i += 1;
    } else if (c === '\r' || c === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      atStart = true;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += c;
      atStart = false;
      i += 1;
    }
  }
  if (cell !== '' || record.length > 0) {
    record.push(cell);
    records.push(record);
  }
  return records;
}

const HOSTILE = [
  "x;=cmd|' /C calc'!A0",
  'a;=1+1',
  'a,+1',
  'Linje 1\n=2+3',
  'Linje 1\r\n@SUM(A1)',
  'a\t-2',
  'a; =1+1',
  'a;"=1+1"',
  'a,\n  +1',
  '=HYPERLINK("http://x")',
  '"=1+1"',
  '-1',
  '\t=1',
];

function item(id: string, text: string, extra: Partial<ReportItem> = {}): ReportItem {
  return {
    id,
    kind: 'comment',
    author: text,
    authorKind: 'person',
    organisation: text,
    createdAt: '2027-03-01T08:00:00.000Z',
    text,
    quote: text,
    supportCount: 2,
    resolved: false,
    answer: { status: 'taken_into_account', text, by: text, at: '2027-03-02T08:00:00.000Z' },
    replies: [{ id: `${id}-r`, author: text, organisation: text, createdAt: '2027-03-03T08:00:00.000Z', text }],
    ...extra,
  };
}

const report: ConsultationReport = {
  documentId: 'dok',
  title: 'Plan',
  state: 'consultation',
  opensAt: null,
  closesAt: null,
  generatedAt: '2027-03-21T09:30:00.000Z',
  totals: { comments: HOSTILE.length, suggestions: 1, replies: HOSTILE.length + 1, supports: 0, answered: 0, hidden: 0, withdrawn: 0 },
  hiddenByGround: { offensive: 0, personal_data: 0, spam: 0, off_topic: 0, other: 0 },
  organisations: [],
  consulted: [],
  version: null,
  groups: [
    {
      kind: 'passage',
      status: 'anchored',
      text: '=passage;+x',
      section: '=SUM(A1);-heading',
      items: HOSTILE.map((text, i) => item(`c${i}`, text)),
    },
    {
      kind: 'orphaned',
      items: [
        item('s1', '@quote', {
          kind: 'suggestion',
          replacement: 'ny;=tekst',
          decision: { decision: 'declined', reason: 'nej,-tak', by: '+45', at: '2027-03-04T08:00:00.000Z' },
        }),
      ],
    },
  ],
};

const DIALECTS = [
  { name: 'comma', separator: ',', other: ';', csv: () => renderReportCsv(report, 'da') },
  { name: 'semicolon', separator: ';', other: ',', csv: () => renderReportCsv(report, 'da', { separator: 'semicolon' }) },
] as const;

describe.each(DIALECTS)('the $name CSV', ({ separator, other, csv }) => {
  it('keeps the byte order mark and CRLF rows', () => {
    const text = csv();
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.slice(1, 2)).toBe('"');
  });

  it('reads back as one header and one row per item and reply, 20 cells each, none starting a formula', () => {
    const rows = readCsv(csv().slice(1), separator);
    expect(rows).toHaveLength(1 + 2 * (HOSTILE.length + 1));
    for (const row of rows) expect(row).toHaveLength(COLUMNS);
    expect(rows[0]!.slice(0, 2)).toEqual(['Overskrift', 'Afsnit']);
    expect(rows.flat().filter((cell) => TRIGGER.test(cell))).toEqual([]);
    const texts = rows.slice(1).map((row) => row[10]);
    expect(texts).toContain("x;'=cmd|' /C calc'!A0");
    expect(texts).toContain("Linje 1\n'=2+3");
    expect(texts).toContain("a,\n  '+1");
    expect(rows[1]![12]).toBe('2');
    expect(rows[1]![0]).toBe("'=SUM(A1);'-heading");
  });

  it(`starts no formula when a spreadsheet splits it at ${other === ';' ? 'semicolons' : 'commas'} instead`, () => {
    const cells = readCsv(csv().slice(1), other).flat();
    const formulas = cells.filter((cell) => TRIGGER.test(cell.replace(/^[\s"]+/, '')));
    expect(formulas).toEqual([]);
  });
});

describe('one cell', () => {
  it('quotes every text, doubles inner quotes, and neutralises a formula start anywhere a row could be split', () => {
    expect(csvCell("x;=cmd|' /C calc'!A0")).toBe(`"x;'=cmd|' /C calc'!A0"`);
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('a;=1')).toBe(`"a;'=1"`);
    expect(csvCell('a,+1')).toBe(`"a,'+1"`);
    expect(csvCell('a\n=1')).toBe(`"a\n'=1"`);
    expect(csvCell('helt almindelig')).toBe('"helt almindelig"');
    expect(csvCell('a - b, c@d.dk')).toBe('"a - b, c@d.dk"');
    expect(csvCell(3)).toBe('3');
  });
});
