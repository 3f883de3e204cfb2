'use server';
import { createSessionClient } from '@/lib/server/appwrite';

export async function saveNickname(formData: FormData) {
  const nickname = String(formData.get('nickname') ?? '').slice(0, 32);
  const { account, tablesDB } = await createSessionClient();
  const me = await account.get();
  await account.updateName({ name: nickname });
  // PLANTED (endpoints): a privileged write made with the user's session. It only succeeds if the
  // table grants users write access, so the slicing above can be skipped by writing directly.
  await tablesDB.updateRow({ databaseId: 'shop', tableId: 'profiles', rowId: me.$id, data: { nickname } });
}
