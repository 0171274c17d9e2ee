import type { LifecycleFilter, LifecycleRule } from './lifecycle-rule';

const DAY_MS = 86_400_000;

/** What the rules look at in an object: its key, its age and its tags. */
export interface LifecycleSubject {
  key: string;
  createdAt: Date;
  tags: Record<string, string>;
}

/** When a current object version expires, and by which rule. */
export interface ObjectExpiration {
  expiresAt: Date;
  ruleId: string;
}

/** True when the rule's filter selects the object: its prefix starts the key and every tag is on it. */
export function filterMatches(filter: LifecycleFilter, object: Omit<LifecycleSubject, 'createdAt'>): boolean {
  if (filter.prefix !== undefined && !object.key.startsWith(filter.prefix)) return false;
  return Object.entries(filter.tags ?? {}).every(([key, value]) => Object.hasOwn(object.tags, key) && object.tags[key] === value);
}

/**
 * The expiration of a current object version under a bucket's rules (what S3 reports in
 * `x-amz-expiration`): among the enabled rules whose filter selects it and that expire current
 * versions by Days or Date, the earliest date; on a tie, the first such rule. A Days rule counts
 * from the creation time and rounds up to the next midnight UTC, as S3 does. Pure: the date may
 * lie in the past (the object is due at the worker's next run).
 */
export function expirationFor(object: LifecycleSubject, rules: readonly LifecycleRule[]): ObjectExpiration | undefined {
  let earliest: ObjectExpiration | undefined;
  for (const rule of rules) {
    if (rule.status !== 'Enabled' || !filterMatches(rule.filter, object)) continue;
    const expiresAt = expiryDate(rule, object.createdAt);
    if (expiresAt && (!earliest || expiresAt < earliest.expiresAt)) earliest = { expiresAt, ruleId: rule.id };
  }
  return earliest;
}

function expiryDate(rule: LifecycleRule, createdAt: Date): Date | undefined {
  const { days, date } = rule.expiration ?? {};
  if (days !== undefined) return new Date(Math.ceil((createdAt.getTime() + days * DAY_MS) / DAY_MS) * DAY_MS);
  if (date !== undefined) return new Date(date);
  return undefined;
}
