// The window's own words in Spanish: the installation and its outcome.
import type { CatalogOf } from '../../../../main/core/i18n/messages';
import type { JobSource } from '../en';

const job: CatalogOf<JobSource> = {
  'job.label': () => "Instalación",
  'job.checkAgain': () => "Comprobar de nuevo",
  'job.checkAgainWhy': () => "Vuelve a leer el espacio de trabajo y esta licencia; Aplicar sigue a un clic.",
  'job.stepByStep': () => "Qué se hizo, paso a paso",
  'job.another': () => "Instalar otra licencia",
  'steps.label': () => "Pasos de la instalación",
  'result.whatToDo': () => "Qué hacer:",
  'result.restsOn': () => "En qué se basa:",
  'result.at': (p) => `${p.what} · ${p.time}`,
  'result.atServerClock': (p) => `${p.what} · ${p.time} UTC, reloj de Rocket.Chat`,
  'result.asking': () => "Preguntando al espacio de trabajo…",
  'result.verifyAgain': () => "Verificar de nuevo",
  'result.verifyWhy': () => "Vuelve a leer el estado del espacio de trabajo para este trabajo y registra lo que dice ahora.",
  'result.restoreOf': (p) => `Esto repuso la licencia que guardó el trabajo ${p.job}.`,
  'result.undone': (p) => `Deshecho: el trabajo ${p.job} repuso la licencia que este trabajo sustituyó.`,
  'result.restore': () => "Restaurar la licencia anterior",
  'result.putsBack': (p) => `Repone ${p.license}, comprobada por el servidor como cualquier instalación.`,
  'result.keptBefore': (p) => `la licencia guardada antes de este trabajo (SHA-256 ${p.hash}…)`,
  'result.restoreAnyway': () => "Restaurar de todos modos",
  'result.noBackup': (p) => `No se guardó ninguna copia: ${p.reason}.`,
  'result.before': () => "Antes",
  'result.after': () => "Después",
  'result.readOnlyMode': () => "Modo de solo lectura",
  'result.lifted': () => "Levantado",
  'result.readOnly': () => "Solo lectura",
  'result.countingDown': () => "En cuenta atrás",
  'result.job': () => "Trabajo",
  'result.pdf': () => "Guardar comprobante (PDF)",
  'result.html': () => "Guardar comprobante (HTML)",
  'result.json': () => "JSON",
  'result.stateUnknown': () => "desconocido: no se pudo leer nada",
  'result.stateUnreadable': () => "no legible con esta cuenta",
  'result.stateNone': () => "ninguna licencia activa",
  'result.stateActive': (p) => ['activa', ...p.parts].join(' · '),
};

export default job;
