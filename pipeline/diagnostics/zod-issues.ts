import type { ZodIssue } from 'zod';

/** Turn a zod issue into an editor-friendly sentence: "`title`: expected text, received a list". */
export function describeIssue(issue: ZodIssue): string {
  const field = issue.path.length > 0 ? `\`${issue.path.join('.')}\`` : 'The document';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.received === 'undefined') return `${field} is required but missing`;
      return `${field}: expected ${kindName(issue.expected)}, received ${kindName(issue.received)}`;
    case 'invalid_enum_value':
      return `${field}: "${String(issue.received)}" is not allowed; use one of ${issue.options.map((o) => String(o)).join(', ')}`;
    case 'unrecognized_keys':
      return `Unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}`;
    case 'too_small':
      return issue.type === 'string' ? `${field} must not be empty` : `${field}: ${issue.message.toLowerCase()}`;
    default:
      return `${field}: ${issue.message}`;
  }
}

function kindName(kind: string): string {
  switch (kind) {
    case 'string':
      return 'text';
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping of fields';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'null':
      return 'an empty value';
    default:
      return kind;
  }
}
