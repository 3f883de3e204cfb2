import { Client, Query, TablesDB, Users } from 'node-appwrite';

// Server-side key use in a function: the per-execution key arrives in the x-appwrite-key header and
// carries exactly the scopes listed for this function in appwrite.json.
export default async ({ req, res, log }) => {
  const client = new Client()
    .setEndpoint(process.env.APPWRITE_FUNCTION_API_ENDPOINT)
    .setProject(process.env.APPWRITE_FUNCTION_PROJECT_ID)
    .setKey(req.headers['x-appwrite-key'] ?? '');
  const users = new Users(client);
  const tablesDB = new TablesDB(client);

  const cutoff = new Date(Date.now() - 365 * 24 * 3600 * 1000).toISOString();
  const stale = await users.list({ queries: [Query.lessThan('accessedAt', cutoff), Query.limit(100)] });
  for (const user of stale.users) {
    const rows = await tablesDB.listRows({ databaseId: 'crm', tableId: 'notes', queries: [Query.equal('userId', user.$id)] });
    for (const row of rows.rows) await tablesDB.deleteRow({ databaseId: 'crm', tableId: 'notes', rowId: row.$id });
    await users.delete({ userId: user.$id });
    log(`removed ${user.$id}`);
  }
  return res.json({ removed: stale.users.length });
};
