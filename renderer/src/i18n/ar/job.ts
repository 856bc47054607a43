// The window's own words in Arabic (right to left; values arrive isolated): the installation and its outcome.
import type { CatalogOf } from '../../../../main/core/i18n/messages';
import type { JobSource } from '../en';

const job: CatalogOf<JobSource> = {
  'job.label': () => "التثبيت",
  'job.checkAgain': () => "افحص مجددًا",
  'job.checkAgainWhy': () => "يقرأ مساحة العمل وهذا الترخيص مجددًا؛ ويبقى «تطبيق» على بعد نقرة.",
  'job.stepByStep': () => "ما تم خطوة بخطوة",
  'job.another': () => "تثبيت ترخيص آخر",
  'steps.label': () => "خطوات التثبيت",
  'result.whatToDo': () => "ما العمل:",
  'result.restsOn': () => "على ماذا يستند هذا:",
  'result.at': (p) => `${p.what} · ${p.time}`,
  'result.atServerClock': (p) => `${p.what} · ${p.time} UTC، ساعة Rocket.Chat`,
  'result.asking': () => "جارٍ سؤال مساحة العمل…",
  'result.verifyAgain': () => "تحقق مجددًا",
  'result.verifyWhy': () => "يقرأ حالة مساحة العمل لهذه المهمة مجددًا ويسجّل ما تقوله الآن.",
  'result.restoreOf': (p) => `أعاد هذا الترخيص الذي احتفظت به المهمة ${p.job}.`,
  'result.undone': (p) => `تم التراجع: أعادت المهمة ${p.job} الترخيص الذي استبدلته هذه المهمة.`,
  'result.restore': () => "استعادة الترخيص السابق",
  'result.putsBack': (p) => `يعيد ${p.license}، ويفحصه الخادم كأي تثبيت.`,
  'result.keptBefore': (p) => `الترخيص المحفوظ قبل هذه المهمة (SHA-256 ${p.hash}…)`,
  'result.restoreAnyway': () => "الاستعادة على أي حال",
  'result.noBackup': (p) => `لم تُحفظ نسخة احتياطية: ${p.reason}.`,
  'result.before': () => "قبل",
  'result.after': () => "بعد",
  'result.readOnlyMode': () => "وضع القراءة فقط",
  'result.lifted': () => "مرفوع",
  'result.readOnly': () => "للقراءة فقط",
  'result.countingDown': () => "عدّ تنازلي",
  'result.job': () => "المهمة",
  'result.pdf': () => "حفظ الإيصال (PDF)",
  'result.html': () => "حفظ الإيصال (HTML)",
  'result.json': () => "JSON",
  'result.stateUnknown': () => "غير معروف: تعذّرت قراءة أي شيء",
  'result.stateUnreadable': () => "غير مقروء بهذا الحساب",
  'result.stateNone': () => "لا يوجد ترخيص نشط",
  'result.stateActive': (p) => ['نشط', ...p.parts].join(' · '),
};

export default job;
