// The window's own words in Brazilian Portuguese: the installation and its outcome.
import type { CatalogOf } from '../../../../main/core/i18n/messages';
import type { JobSource } from '../en';

const job: CatalogOf<JobSource> = {
  'job.label': () => "Instalação",
  'job.checkAgain': () => "Verificar de novo",
  'job.checkAgainWhy': () => "Lê de novo o espaço de trabalho e esta licença; Aplicar continua a um clique.",
  'job.stepByStep': () => "O que foi feito, passo a passo",
  'job.another': () => "Instalar outra licença",
  'steps.label': () => "Passos da instalação",
  'result.whatToDo': () => "O que fazer:",
  'result.restsOn': () => "Em que isto se baseia:",
  'result.at': (p) => `${p.what} · ${p.time}`,
  'result.atServerClock': (p) => `${p.what} · ${p.time} UTC, relógio do Rocket.Chat`,
  'result.asking': () => "Perguntando ao espaço de trabalho…",
  'result.verifyAgain': () => "Verificar de novo",
  'result.verifyWhy': () => "Lê de novo o estado do espaço de trabalho para este trabalho e registra o que ele diz agora.",
  'result.restoreOf': (p) => `Isto devolveu a licença guardada pelo trabalho ${p.job}.`,
  'result.undone': (p) => `Desfeito: o trabalho ${p.job} devolveu a licença que este trabalho substituiu.`,
  'result.restore': () => "Restaurar a licença anterior",
  'result.putsBack': (p) => `Devolve ${p.license}, verificada pelo servidor como qualquer instalação.`,
  'result.keptBefore': (p) => `a licença guardada antes deste trabalho (SHA-256 ${p.hash}…)`,
  'result.restoreAnyway': () => "Restaurar mesmo assim",
  'result.noBackup': (p) => `Nenhuma cópia foi guardada: ${p.reason}.`,
  'result.before': () => "Antes",
  'result.after': () => "Depois",
  'result.readOnlyMode': () => "Modo somente leitura",
  'result.lifted': () => "Removido",
  'result.readOnly': () => "Somente leitura",
  'result.countingDown': () => "Em contagem",
  'result.job': () => "Trabalho",
  'result.pdf': () => "Salvar comprovante (PDF)",
  'result.html': () => "Salvar comprovante (HTML)",
  'result.json': () => "JSON",
  'result.stateUnknown': () => "desconhecido: nada pôde ser lido",
  'result.stateUnreadable': () => "não legível com esta conta",
  'result.stateNone': () => "nenhuma licença ativa",
  'result.stateActive': (p) => ['ativa', ...p.parts].join(' · '),
};

export default job;
