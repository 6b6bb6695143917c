/**
 * How a check status reads in Markdown.
 */
import type { CheckStatus } from './budget-schema';

const BADGES: Record<CheckStatus, string> = { pass: '✅ pass', warn: '⚠️ warn', fail: '❌ fail' };

/** "✅ pass", "⚠️ warn" or "❌ fail". */
export function statusBadge(status: CheckStatus): string {
  return BADGES[status];
}
