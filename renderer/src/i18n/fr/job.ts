// The window's own words in French: the installation and its outcome.
import type { CatalogOf } from '../../../../main/core/i18n/messages';
import type { JobSource } from '../en';

const job: CatalogOf<JobSource> = {
  'job.label': () => "Installation",
  'job.checkAgain': () => "Revérifier",
  'job.checkAgainWhy': () => "Relit l'espace de travail et cette licence ; Appliquer reste à un clic.",
  'job.stepByStep': () => "Ce qui a été fait, étape par étape",
  'job.another': () => "Installer une autre licence",
  'steps.label': () => "Étapes de l'installation",
  'result.whatToDo': () => "Que faire :",
  'result.restsOn': () => "Sur quoi cela repose :",
  'result.at': (p) => `${p.what} · ${p.time}`,
  'result.atServerClock': (p) => `${p.what} · ${p.time} UTC, horloge de Rocket.Chat`,
  'result.asking': () => "Interrogation de l'espace de travail…",
  'result.verifyAgain': () => "Revérifier",
  'result.verifyWhy': () => "Relit l'état de l'espace de travail pour cette tâche et enregistre ce qu'il dit maintenant.",
  'result.restoreOf': (p) => `Ceci a remis la licence conservée par la tâche ${p.job}.`,
  'result.undone': (p) => `Annulée : la tâche ${p.job} a remis la licence que cette tâche avait remplacée.`,
  'result.restore': () => "Restaurer la licence précédente",
  'result.putsBack': (p) => `Remet ${p.license}, vérifiée par le serveur comme toute installation.`,
  'result.keptBefore': (p) => `la licence conservée avant cette tâche (SHA-256 ${p.hash}…)`,
  'result.restoreAnyway': () => "Restaurer quand même",
  'result.noBackup': (p) => `Aucune sauvegarde n'a été conservée : ${p.reason}.`,
  'result.before': () => "Avant",
  'result.after': () => "Après",
  'result.readOnlyMode': () => "Mode lecture seule",
  'result.lifted': () => "Levé",
  'result.readOnly': () => "Lecture seule",
  'result.countingDown': () => "Compte à rebours",
  'result.job': () => "Tâche",
  'result.pdf': () => "Enregistrer le reçu (PDF)",
  'result.html': () => "Enregistrer le reçu (HTML)",
  'result.json': () => "JSON",
  'result.stateUnknown': () => "inconnu : rien n'a pu être lu",
  'result.stateUnreadable': () => "illisible avec ce compte",
  'result.stateNone': () => "aucune licence active",
  'result.stateActive': (p) => ['active', ...p.parts].join(' · '),
};

export default job;
