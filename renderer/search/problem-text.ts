/**
 * A query problem in the reader's language. The search core explains problems
 * in English (`message`) and names them with a code and the values involved;
 * the UI words them itself, falling back to the English for a code it does not
 * know (a newer core). Values from the query are isolated (FSI…PDI) so a Latin
 * word keeps its place inside an Arabic sentence and the other way round.
 */
import type { QueryProblem, QueryProblemCode, UiLanguage } from '../../src/api/contract';

type Table = Record<QueryProblemCode, string>;

const en: Table = {
  'unclosed-quote': 'the quote {quote} is not closed; searching for the rest as a phrase',
  'bad-lang': 'lang: takes ar or en, not {value}',
  'empty-source': 'source: needs a document id, e.g. source:guardian-2025',
  'unknown-source': 'no document has the id {id}',
  'lonely-minus': 'a - must be followed by a word or phrase to exclude',
  'empty-phrase': 'the quoted phrase holds no words',
  'star-without-word': 'a * must follow at least {min} letters of a word (e.g. مايكرو*)',
  'no-letters': '{text} has no letters or digits to search for',
  'short-prefix': 'type at least {min} letters before * (searching for the whole word {word})',
  'star-on-phrase': '* works on one word, not on a phrase; searching for the phrase',
  'too-many-units': 'only the first {max} words and phrases are used',
  'filters-only': 'add a word to search for; -, lang: and source: only narrow a search',
  'too-many-matches': 'more than {max} matches; showing the first {max}',
};

const ar: Table = {
  'unclosed-quote': 'علامة الاقتباس {quote} غير مغلقة؛ يُبحث عن بقية النص كعبارة',
  'bad-lang': 'تقبل lang: القيمتين ar أو en، لا {value}',
  'empty-source': 'تحتاج source: إلى معرّف وثيقة، مثل source:guardian-2025',
  'unknown-source': 'لا توجد وثيقة بالمعرّف {id}',
  'lonely-minus': 'يجب أن تتبع علامةَ - كلمةٌ أو عبارة لاستبعادها',
  'empty-phrase': 'العبارة بين علامتي الاقتباس خالية من الكلمات',
  'star-without-word': 'يجب أن تسبق علامةَ * ثلاثةُ أحرف من الكلمة على الأقل (مثل مايكرو*)',
  'no-letters': 'لا أحرف ولا أرقام يُبحث عنها في {text}',
  'short-prefix': 'اكتب {min} أحرف على الأقل قبل * (يُبحث عن الكلمة كاملة {word})',
  'star-on-phrase': 'تعمل * على كلمة واحدة لا على عبارة؛ يُبحث عن العبارة',
  'too-many-units': 'تُستخدم أول {max} كلمة وعبارة فقط',
  'filters-only': 'أضف كلمة للبحث عنها؛ فـ - و lang: و source: تضيّق البحث فقط',
  'too-many-matches': 'أكثر من {max} تطابق؛ تُعرض أول {max}',
};

export function problemText(problem: Pick<QueryProblem, 'code' | 'message' | 'params'>, lang: UiLanguage): string {
  const template = (lang === 'ar' ? ar : en)[problem.code];
  if (template === undefined) return problem.message.replace(/^search: /, '');
  const params = problem.params ?? {};
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? `\u2068${String(params[name])}\u2069` : whole));
}
