import { Client, Account, Databases } from 'appwrite';

const client = new Client().setEndpoint(process.env.NEXT_PUBLIC_APPWRITE_ENDPOINT).setProject(process.env.NEXT_PUBLIC_APPWRITE_PROJECT);
export const account = new Account(client);
export const databases = new Databases(client);
