import { createAdminClient } from '@/lib/server/appwrite';

// A server component: runs on the server only, so the admin client is fine here.
export default async function DashboardPage() {
  const { users } = await createAdminClient();
  const list = await users.list();
  return <p>{list.total} customers</p>;
}
