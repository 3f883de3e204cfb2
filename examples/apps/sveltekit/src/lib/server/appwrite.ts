import { Client, Users, TablesDB } from 'node-appwrite';
import { APPWRITE_KEY } from '$env/static/private';
import { PUBLIC_APPWRITE_ENDPOINT, PUBLIC_APPWRITE_PROJECT } from '$env/static/public';

export function adminClient() {
  const client = new Client().setEndpoint(PUBLIC_APPWRITE_ENDPOINT).setProject(PUBLIC_APPWRITE_PROJECT).setKey(APPWRITE_KEY);
  return { users: new Users(client), tablesDB: new TablesDB(client) };
}
