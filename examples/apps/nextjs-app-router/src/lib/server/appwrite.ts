import 'server-only';
import { Account, Client, Databases, TablesDB, Users } from 'node-appwrite';
import { cookies } from 'next/headers';

const endpoint = process.env.NEXT_PUBLIC_APPWRITE_ENDPOINT!;
const project = process.env.NEXT_PUBLIC_APPWRITE_PROJECT_ID!;

/** Acts as the signed-in user: every call is limited by the user's permissions. */
export async function createSessionClient() {
  const client = new Client().setEndpoint(endpoint).setProject(project);
  const session = (await cookies()).get(`a_session_${project}`);
  if (!session?.value) throw new Error('No session');
  client.setSession(session.value);
  return {
    get account() {
      return new Account(client);
    },
    get tablesDB() {
      return new TablesDB(client);
    },
  };
}

/** Acts as the server, with the project's API key: only ever called from server code. */
export async function createAdminClient() {
  const client = new Client().setEndpoint(endpoint).setProject(project).setKey(process.env.APPWRITE_API_KEY!);
  return {
    get users() {
      return new Users(client);
    },
    get databases() {
      return new Databases(client);
    },
    get tablesDB() {
      return new TablesDB(client);
    },
  };
}
