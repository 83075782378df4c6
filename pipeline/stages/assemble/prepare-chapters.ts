import type { VFile } from 'vfile';
import type { ChapterStages } from '../../cache/chapters.js';
import type { LoadedEdition } from '../../config/load-edition.js';
import { report } from '../../diagnostics/report.js';
import type { Audience } from '../../model/figure.js';
import type { SourceFile } from '../../model/source.js';
import type { PreparedChapter } from '../markdown/chapter.js';
import { slugProblem } from '../validate/slug.js';

export interface PreparedChapters {
  /** Every chapter file that was read, listed or not, with its messages. */
  readonly files: VFile[];
  /** The listed chapters that parsed, in reading order. */
  readonly prepared: PreparedChapter[];
  /** Listed chapter files that exist but could not be read: links to them report nothing more. */
  readonly unreadable: Set<string>;
}

/**
 * Parse and validate every chapter file, listed or not, so `check` sees them all. Listed files
 * that are missing, unlisted files, and slugs that cannot be addresses are reported here.
 */
export async function prepareChapters(chapters: readonly SourceFile[], loaded: LoadedEdition, profile: Audience, membersLabel: string, stages: ChapterStages): Promise<PreparedChapters> {
  const byName = new Map(chapters.map((s) => [s.path.slice('chapters/'.length), s]));
  const files: VFile[] = [];
  const prepared: PreparedChapter[] = [];
  const unreadable = new Set<string>();
  // If the chapter list itself is unusable, check every chapter file in name order.
  const listed = loaded.config || loaded.settings.chapters.length > 0 ? loaded.settings.chapters : [...byName.keys()].sort();
  for (const name of listed) {
    const source = byName.get(name);
    if (!source) {
      report(loaded.file, 'chapter-missing', `Chapter file \`chapters/${name}\` does not exist`, loaded.yaml?.positionOfEntry(['chapters'], name));
      continue;
    }
    const { file, chapter } = await stages.prepare(source, profile, membersLabel);
    files.push(file);
    if (!chapter) {
      unreadable.add(name);
      continue;
    }
    // A slug from the file name is refused at the file's entry in the chapters list.
    const problem = chapter.frontMatter.slug === undefined ? slugProblem(chapter.slug) : undefined;
    if (problem) {
      const place = loaded.yaml?.positionOfEntry(['chapters'], name);
      if (place) report(loaded.file, problem.rule, `Chapter \`${name}\`: ${problem.reason}`, place);
      else report(file, problem.rule, problem.reason, { line: 1, column: 1 });
      if (problem.rule === 'slug-invalid') continue;
    }
    prepared.push(chapter);
  }
  for (const [name, source] of byName) {
    if (listed.includes(name)) continue;
    const { file } = await stages.prepare(source, profile, membersLabel);
    report(file, 'chapter-unlisted', `\`${name}\` is not listed in edition.yaml and is not built`, { line: 1, column: 1 });
    files.push(file);
  }
  reportDuplicateSlugs(prepared);
  return { files, prepared, unreadable };
}

/** Two chapters with one slug would share an address: the later one is reported. */
function reportDuplicateSlugs(prepared: readonly PreparedChapter[]): void {
  const seen = new Map<string, PreparedChapter>();
  for (const c of prepared) {
    const other = seen.get(c.slug);
    if (other) report(c.file, 'slug-duplicate', `Slug \`${c.slug}\` is already used by ${other.sourcePath}`, { line: 1, column: 1 });
    seen.set(c.slug, c);
  }
}
