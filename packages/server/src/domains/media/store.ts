import type { Db } from '../../db.js';

/** Which stored photo: ids are unique, the shop keeps one tenant's files apart in shared stores. */
export interface MediaRef {
  readonly shopId: string;
  readonly id: string;
}

/**
 * Where photo bytes live. The default keeps them in the database, so every server process sees
 * every photo with nothing else to run; an object store (S3, R2, GCS) fits the same three calls.
 * Metadata (owner, type, size, review) always stays in `review_media`.
 */
export interface MediaStore {
  put(ref: MediaRef, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes, or undefined when nothing is stored under `ref`. */
  get(ref: MediaRef): Promise<Uint8Array | undefined>;
  delete(ref: MediaRef): Promise<void>;
}

/**
 * Bytes in `review_media.data`, beside their metadata row. `put` fills the row the upload created,
 * so it must run after that insert (as `uploadMedia` does).
 */
export function createDbMediaStore(db: Db): MediaStore {
  return {
    async put({ shopId, id }, bytes) {
      const { rows } = await db.query('UPDATE review_media SET data = $3 WHERE shop_id = $1 AND id = $2 RETURNING id', [
        shopId,
        id,
        bytes,
      ]);
      if (!rows.length) throw new Error(`No media row ${id} to store bytes in`);
    },
    async get({ shopId, id }) {
      const { rows } = await db.query<{ data: Uint8Array | null }>(
        'SELECT data FROM review_media WHERE shop_id = $1 AND id = $2',
        [shopId, id],
      );
      return rows[0]?.data ?? undefined;
    },
    async delete({ shopId, id }) {
      await db.query('UPDATE review_media SET data = NULL WHERE shop_id = $1 AND id = $2', [shopId, id]);
    },
  };
}
