/**
 * Child process for the durability and concurrency tests. Usage:
 *   node --import tsx writer-child.ts insert <db> <prefix>   insert notes forever, print each id once acknowledged
 *   node --import tsx writer-child.ts append <db> <id> <tag> <n>   n read-modify-write appends to one note's text
 * A line is printed only after the store call returned, i.e. after COMMIT.
 */
import { writeSync } from 'node:fs';
import { describe } from '../../../../src/annotations/describe';
import { createAnnotation } from '../../../../src/annotations/model';
import { openAnnotationStore } from '../../../../src/annotations/store';

const [mode, file, arg1, arg2, arg3] = process.argv.slice(2);
if (!mode || !file) throw new Error('writer-child: usage: insert|append <db> …');
const store = openAnnotationStore(file, { now: () => new Date(), log: (level, message) => writeSync(2, `${level}: ${message}\n`) });
const TEXT = 'أعلنت مايكروسوفت إنهاء التعاون مع الوحدة 8200 من الجيش الإسرائيلي.';

if (mode === 'insert') {
  for (let i = 0; ; i++) {
    const note = createAnnotation({ docId: 'article', contentHash: 'h', selectors: describe(TEXT, 6, 16), color: 'yellow', note: `${arg1}-${i} ${'ملاحظة '.repeat(i % 50)}`, tags: [`n${i}`], now: new Date() });
    store.insert(note);
    writeSync(1, `${note.id}\n`);
  }
} else if (mode === 'append') {
  const n = Number(arg3);
  for (let i = 0; i < n; i++) {
    store.update(arg1!, (c) => ({ ...c, modified: new Date(Math.max(Date.now(), Date.parse(c.modified) + 1)).toISOString(), body: { ...c.body, note: `${c.body.note}\n${arg2}-${i}` } }));
  }
  store.close();
  writeSync(1, 'done\n');
}
