/**
 * Loads the rows for the distinct ids in one query, and runs no query when there are none: the lookups
 * modules offer each other take lists that may repeat an id or be empty.
 */
export async function loadByIds<T>(
  ids: readonly string[],
  load: (unique: string[]) => Promise<T[]>,
): Promise<T[]> {
  const unique = [...new Set(ids)];
  return unique.length ? load(unique) : [];
}
