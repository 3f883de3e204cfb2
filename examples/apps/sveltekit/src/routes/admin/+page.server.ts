import { fail } from '@sveltejs/kit';
import { adminClient } from '$lib/server/appwrite';

export async function load() {
  const { users } = adminClient();
  const list = await users.list();
  return { total: list.total };
}

export const actions = {
  ban: async ({ request }) => {
    const id = String((await request.formData()).get('id') ?? '');
    if (!id) return fail(400, { id });
    const { users } = adminClient();
    await users.updateStatus({ userId: id, status: false });
    return { ok: true };
  },
};
