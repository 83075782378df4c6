/**
 * `decodeURIComponent` that says "broken" instead of throwing: a malformed `%` escape in an
 * author's link or image address is a content error to report at its position, not a crash.
 */
export function decodeUrlPart(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

export function brokenEscapeReason(url: string): string {
  return `The address \`${url}\` has a broken % escape: write %25 for a literal "%", or fix the code after it (two hexadecimal digits)`;
}
