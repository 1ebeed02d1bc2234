/**
 * Quick timing of the parsers on generated files (not a test; nothing is asserted).
 * Run: node --import tsx src/server/features/import/parse/measure.ts
 */
import { parseContacts } from './index.ts';

function vcards(n: number): Buffer {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    parts.push(
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        `FN:Persona Numero ${i}`,
        `N:Numero ${i};Persona;;;`,
        `ORG:Azienda ${i % 500} S.r.l.;Vendite`,
        'TITLE:Responsabile commerciale',
        `item1.EMAIL;TYPE=INTERNET;TYPE=pref:persona${i}@example.com`,
        'item1.X-ABLabel:_$!<Work>!$_',
        `EMAIL;TYPE=HOME:p${i}@mail.example.org`,
        `TEL;TYPE=CELL:+39 333 ${String(i).padStart(7, '0')}`,
        `TEL;TYPE=WORK,VOICE:02 ${String(i).padStart(6, '0')}`,
        'ADR;TYPE=WORK:;;Via Roma 1;Milano;MI;20100;Italia',
        `URL:https://www.example.com/p/${i}`,
        'NOTE:Conosciuto al convegno di Bologna\\, parlato di export\\nRicontattare a settembre. Città: Modena',
        'CATEGORIES:clienti,fiera',
        'END:VCARD',
      ].join('\r\n'),
    );
  }
  return Buffer.from(`${parts.join('\r\n')}\r\n`);
}

function vcards21(n: number): Buffer {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    parts.push(
      [
        'BEGIN:VCARD',
        'VERSION:2.1',
        `N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Ni=C3=B1o ${i};Jos=C3=A9;;;`,
        `FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Jos=C3=A9 Ni=C3=B1o ${i}`,
        `TEL;CELL;PREF:+39333${String(i).padStart(7, '0')}`,
        `EMAIL;PREF;INTERNET:jose${i}@example.com`,
        'NOTE;ENCODING=QUOTED-PRINTABLE:Prima riga=0D=0ASeconda riga lunga lunga =',
        'che continua',
        'END:VCARD',
      ].join('\r\n'),
    );
  }
  return Buffer.from(`${parts.join('\r\n')}\r\n`);
}

function linkedin(n: number): Buffer {
  const rows = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  for (let i = 0; i < n; i++) {
    rows.push(
      `Nome${i},Cognome${i},https://www.linkedin.com/in/persona-${i},${i % 10 === 0 ? `p${i}@example.com` : ''},"Azienda ${i % 700}, S.p.A.","Head of Sales, EMEA",${(i % 28) + 1} Mar 2024`,
    );
  }
  return Buffer.from(`${rows.join('\r\n')}\r\n`);
}

function google(n: number): Buffer {
  const rows = [
    'First Name,Middle Name,Last Name,Organization Name,Organization Title,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Address 1 - City,Address 1 - Country,Website 1 - Label,Website 1 - Value',
  ];
  for (let i = 0; i < n; i++) {
    rows.push(
      `Nome${i},,Cognome${i},Azienda ${i},Ruolo,"nota, con virgola",* myContacts ::: Clienti,* Work,p${i}@example.com ::: q${i}@example.com,Mobile,+39 333 ${i},Milano,Italia,Profile,https://example.com/${i}`,
    );
  }
  return Buffer.from(`\uFEFF${rows.join('\n')}\n`);
}

function time(label: string, bytes: Buffer): void {
  parseContacts(bytes); // warm-up (JIT, lazy module state)
  const runs = 3;
  let best = Infinity;
  let bestCpu = Infinity;
  let count = 0;
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = parseContacts(bytes, { limits: { maxContacts: 200_000 } });
    const cpu = process.cpuUsage(c0);
    best = Math.min(best, performance.now() - t0);
    // CPU time as well as wall time: on a shared machine the wall clock includes waiting.
    bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000);
    count = r.contacts.length;
  }
  const mb = (bytes.length / 1024 / 1024).toFixed(1);
  const heap = (process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0);
  console.log(
    `${label.padEnd(30)} ${String(count).padStart(7)} contacts ${mb.padStart(5)} MB  wall ${best.toFixed(0).padStart(5)} ms  cpu ${bestCpu.toFixed(0).padStart(5)} ms  heap ${heap} MB`,
  );
}

time('vCard 3.0, 10,000 cards', vcards(10_000));
time('vCard 2.1 QP, 10,000 cards', vcards21(10_000));
time('LinkedIn CSV, 10,000 rows', linkedin(10_000));
time('Google CSV, 10,000 rows', google(10_000));
time('LinkedIn CSV, 100,000 rows', linkedin(100_000));
time('vCard 3.0, 20,000 cards', vcards(20_000));
