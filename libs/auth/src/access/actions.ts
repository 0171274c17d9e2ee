/**
 * The actions the access decision point knows, named once. Each dialect maps its operations
 * onto them (S3 GetObject and Swift GET object are both `storage.objects.get`).
 */
export const ACTIONS = [
  'storage.buckets.list',
  'storage.buckets.create',
  'storage.buckets.get',
  'storage.buckets.update',
  'storage.buckets.delete',
  'storage.buckets.getAcl',
  'storage.buckets.setAcl',
  'storage.objects.list',
  'storage.objects.get',
  'storage.objects.create',
  'storage.objects.delete',
  'storage.objects.getAcl',
  'storage.objects.setAcl',
  'storage.objects.getTagging',
  'storage.objects.setTagging',
] as const;

export type Action = (typeof ACTIONS)[number];

/** Actions that only read: what the `reader` role may do. */
export const READ_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'storage.buckets.list',
  'storage.buckets.get',
  'storage.buckets.getAcl',
  'storage.objects.list',
  'storage.objects.get',
  'storage.objects.getAcl',
  'storage.objects.getTagging',
]);
