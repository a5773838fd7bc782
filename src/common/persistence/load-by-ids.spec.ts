import { loadByIds } from './load-by-ids';

describe('loadByIds', () => {
  it('asks once, for each id once', async () => {
    const load = jest.fn(async (ids: string[]) => ids.map((id) => ({ id })));
    expect(await loadByIds(['a', 'b', 'a'], load)).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(load).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledWith(['a', 'b']);
  });

  it('runs no query for no ids', async () => {
    const load = jest.fn(async () => [{ id: 'x' }]);
    expect(await loadByIds([], load)).toEqual([]);
    expect(load).not.toHaveBeenCalled();
  });
});
