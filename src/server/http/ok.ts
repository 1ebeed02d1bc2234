/** The body of a route that only does something, `{ ok: true }`, sent once `work` is done. */
export async function okAfter(work: Promise<unknown>): Promise<{ ok: true }> {
  await work;
  return { ok: true };
}
