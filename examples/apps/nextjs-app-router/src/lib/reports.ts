import { Client, Databases } from 'node-appwrite';

// PLANTED: no 'server-only' guard, and it is imported by a client component (ReportButton), so the
// server SDK and the key it reads end up in the browser bundle.
const client = new Client()
  .setEndpoint(process.env.NEXT_PUBLIC_APPWRITE_ENDPOINT!)
  .setProject(process.env.NEXT_PUBLIC_APPWRITE_PROJECT_ID!)
  .setKey(process.env.NEXT_PUBLIC_APPWRITE_API_KEY!);

const databases = new Databases(client);

export async function monthlyReport() {
  return databases.listDocuments('shop', 'orders');
}
