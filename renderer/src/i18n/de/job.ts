// The window's own words in German: the installation and its outcome.
import type { CatalogOf } from '../../../../main/core/i18n/messages';
import type { JobSource } from '../en';

const job: CatalogOf<JobSource> = {
  'job.label': () => "Installation",
  'job.checkAgain': () => "Erneut prüfen",
  'job.checkAgainWhy': () => "Liest den Arbeitsbereich und diese Lizenz erneut; „Anwenden“ bleibt einen Klick entfernt.",
  'job.stepByStep': () => "Was getan wurde, Schritt für Schritt",
  'job.another': () => "Eine weitere Lizenz installieren",
  'steps.label': () => "Schritte der Installation",
  'result.whatToDo': () => "Was tun:",
  'result.restsOn': () => "Worauf das beruht:",
  'result.at': (p) => `${p.what} · ${p.time}`,
  'result.atServerClock': (p) => `${p.what} · ${p.time} UTC, Uhr von Rocket.Chat`,
  'result.asking': () => "Der Arbeitsbereich wird gefragt…",
  'result.verifyAgain': () => "Erneut bestätigen",
  'result.verifyWhy': () => "Liest den Zustand des Arbeitsbereichs für diesen Auftrag erneut und hält fest, was er jetzt sagt.",
  'result.restoreOf': (p) => `Dies hat die Lizenz zurückgelegt, die Auftrag ${p.job} aufbewahrt hatte.`,
  'result.undone': (p) => `Rückgängig gemacht: Auftrag ${p.job} hat die Lizenz zurückgelegt, die dieser Auftrag ersetzt hatte.`,
  'result.restore': () => "Vorherige Lizenz wiederherstellen",
  'result.putsBack': (p) => `Legt ${p.license} zurück, vom Server geprüft wie jede Installation.`,
  'result.keptBefore': (p) => `die vor diesem Auftrag aufbewahrte Lizenz (SHA-256 ${p.hash}…)`,
  'result.restoreAnyway': () => "Trotzdem wiederherstellen",
  'result.noBackup': (p) => `Es wurde keine Sicherung aufbewahrt: ${p.reason}.`,
  'result.before': () => "Vorher",
  'result.after': () => "Nachher",
  'result.readOnlyMode': () => "Schreibschutz",
  'result.lifted': () => "Aufgehoben",
  'result.readOnly': () => "Schreibgeschützt",
  'result.countingDown': () => "Countdown läuft",
  'result.job': () => "Auftrag",
  'result.pdf': () => "Beleg speichern (PDF)",
  'result.html': () => "Beleg speichern (HTML)",
  'result.json': () => "JSON",
  'result.stateUnknown': () => "unbekannt: nichts ließ sich lesen",
  'result.stateUnreadable': () => "mit diesem Konto nicht lesbar",
  'result.stateNone': () => "keine aktive Lizenz",
  'result.stateActive': (p) => ['aktiv', ...p.parts].join(' · '),
};

export default job;
