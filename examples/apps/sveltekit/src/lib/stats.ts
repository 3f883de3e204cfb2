import { Client, TablesDB } from 'node-appwrite';
import { env } from '$env/dynamic/public';

// PLANTED: not under $lib/server, imported by a page component, and keyed from a PUBLIC_ variable.
const client = new Client().setEndpoint(env.PUBLIC_APPWRITE_ENDPOINT).setProject(env.PUBLIC_APPWRITE_PROJECT).setKey(env.PUBLIC_APPWRITE_KEY);

export async function attendeeCount(eventId: string) {
  const r = await new TablesDB(client).listRows({ databaseId: 'events', tableId: 'attendees', queries: [`{"method":"equal","attribute":"eventId","values":["${eventId}"]}`] });
  return r.total;
}
