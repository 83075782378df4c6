import type { Yaml } from 'mdast';
import type { VFile } from 'vfile';
import type { FrontMatter } from '../../model/edition.js';
import type { RuleId } from '../../diagnostics/catalogue.js';
import { report } from '../../diagnostics/report.js';
import { YamlSource } from '../../diagnostics/yaml-source.js';
import { describeIssue } from '../../diagnostics/zod-issues.js';
import { caseStudyRequired, frontMatterFields, frontMatterSchema, methodRequired } from './frontmatter-schema.js';
import { isIsoCountry } from './countries.js';
import { slugProblem } from './slug.js';

/**
 * Validate a chapter's front matter, reporting every problem at the line and column of the
 * offending key or value. Returns undefined when the chapter cannot be built.
 */
export function validateFrontMatter(file: VFile, node: Yaml | undefined): FrontMatter | undefined {
  if (!node) {
    report(file, 'frontmatter-missing', 'The chapter has no front matter', { line: 1, column: 1 });
    return undefined;
  }
  // The YAML starts on the line after the opening fence.
  const yaml = new YamlSource(node.value, node.position?.start.line ?? 1);
  const syntax = yaml.syntaxErrors();
  for (const e of syntax) report(file, 'frontmatter-yaml', e.message, e.position);
  if (syntax.length > 0) return undefined;
  const limits = yaml.limitErrors();
  for (const e of limits) report(file, 'yaml-limit', e.message, e.position);
  if (limits.length > 0) return undefined;

  const raw = yaml.value();
  const value: unknown = raw === null || raw === undefined ? {} : raw;
  const fence = node.position;
  const parsed = frontMatterFields.safeParse(value);
  let fatal = false;
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          report(file, 'frontmatter-unknown-field', `Unknown front-matter field \`${key}\``, yaml.positionOf([...issue.path, key], { key: true }));
        }
        continue;
      }
      fatal = true;
      const missing = issue.code === 'invalid_type' && issue.received === 'undefined';
      const place = missing && issue.path.length === 1 ? fence?.start : yaml.positionOf(issue.path);
      report(file, ruleFor(issue.path, missing), describeIssue(issue), place);
    }
  }
  if (fatal) return undefined;
  const input = parsed.success ? parsed.data : frontMatterFields.strip().parse(value);

  if (input.slug !== undefined) {
    const problem = slugProblem(input.slug);
    if (problem) {
      report(file, problem.rule, problem.reason, yaml.positionOf(['slug'], { key: true }));
      // A reserved slug is still a safe name, so the rest of the chapter is checked; a malformed one is not used.
      if (problem.rule === 'slug-invalid') return undefined;
    }
  }
  if (input.country !== undefined && !isIsoCountry(input.country)) {
    report(file, 'frontmatter-country', `\`country\`: "${input.country}" is not an ISO 3166-1 alpha-2 code`, yaml.positionOf(['country']));
    return undefined;
  }
  if (input.kind === 'case-study') {
    const missing = caseStudyRequired.filter((k) => input[k] === undefined);
    for (const key of missing) {
      report(file, 'frontmatter-required', `Case studies need \`${key}\``, yaml.positionOf(['kind'], { key: true }));
    }
    if (missing.length > 0) return undefined;
  }
  if (input.kind === 'method') {
    const missing = methodRequired.filter((k) => input[k] === undefined);
    for (const key of missing) {
      report(file, 'frontmatter-required', `Methods need \`${key}\``, yaml.positionOf(['kind'], { key: true }));
    }
    if (missing.length > 0) return undefined;
  }
  // The same schema groups the fields the model carries (case study, method) and fills defaults.
  return frontMatterSchema.parse(input);
}

function ruleFor(path: readonly (string | number)[], missing: boolean): RuleId {
  if (missing) return 'frontmatter-required';
  if (path[0] === 'kind') return 'frontmatter-kind';
  if (path.length === 1 && path[0] === 'audience') return 'frontmatter-audience';
  if (path[0] === 'contact' && path[1] === 'audience') return 'frontmatter-audience';
  if (path[0] === 'country') return 'frontmatter-country';
  return 'frontmatter-field';
}
