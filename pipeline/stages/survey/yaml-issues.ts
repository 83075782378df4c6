/** Turn zod issues on a parsed YAML document into positioned messages. */
import type { VFile } from 'vfile';
import type { ZodIssue } from 'zod';
import { report } from '../../diagnostics/report.js';
import type { RuleId } from '../../diagnostics/catalogue.js';
import { YamlSource } from '../../diagnostics/yaml-source.js';

export function reportIssues(file: VFile, source: YamlSource, issues: readonly ZodIssue[], ruleId: RuleId): void {
  for (const issue of issues) {
    const path = issue.path;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const at = [...path, key];
        report(file, ruleId, `${at.join('.')}: unknown field (check its spelling)`, source.positionOf(at, { key: true }));
      }
      continue;
    }
    const label = path.length > 0 ? path.join('.') : 'document';
    report(file, ruleId, `${label}: ${issue.message}`, source.positionOf(path));
  }
}

/**
 * Parse YAML text; report syntax errors under `yamlRule`. Returns the source and its plain
 * value, or undefined when the YAML could not be read.
 */
export function parseYaml(file: VFile, text: string, yamlRule: RuleId): { source: YamlSource; value: unknown } | undefined {
  const source = new YamlSource(text);
  const errors = source.syntaxErrors();
  for (const e of errors) report(file, yamlRule, e.message, e.position);
  if (errors.length > 0) return undefined;
  const limits = source.limitErrors();
  for (const e of limits) report(file, 'yaml-limit', e.message, e.position);
  if (limits.length > 0) return undefined;
  return { source, value: source.value() };
}
