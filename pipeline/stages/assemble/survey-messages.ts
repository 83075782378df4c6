import type { VFile } from 'vfile';
import type { LoadedEdition } from '../../config/load-edition.js';

/**
 * The survey loader's files, with its messages about edition.yaml's survey settings moved onto
 * edition.yaml itself, at `survey.default` when they carry no place: editors fix them there.
 */
export function surveyFilesWithEditionMessages(surveyFiles: readonly VFile[], loaded: LoadedEdition): VFile[] {
  const files: VFile[] = [];
  for (const f of surveyFiles) {
    if (f.path !== 'edition.yaml') {
      files.push(f);
      continue;
    }
    for (const m of f.messages) {
      const moved = loaded.file.message(m.reason, { place: m.place ?? loaded.yaml?.positionOf(['survey', 'default']), ruleId: m.ruleId, source: m.source });
      moved.fatal = m.fatal;
      moved.note = m.note;
    }
  }
  return files;
}
