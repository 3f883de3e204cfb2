import { NextResponse } from 'next/server';
import { ID } from 'node-appwrite';
import { createAdminClient, createSessionClient } from '@/lib/server/appwrite';

export async function POST(request: Request) {
  const { account } = await createSessionClient();
  const user = await account.get();
  const body = (await request.json()) as { items: string[] };
  if (!Array.isArray(body.items) || body.items.length === 0) return NextResponse.json({ error: 'empty order' }, { status: 400 });
  // Orders are written by the server after validation; users cannot write the table directly.
  const { tablesDB } = await createAdminClient();
  const order = await tablesDB.createRow({ databaseId: 'shop', tableId: 'orders', rowId: ID.unique(), data: { userId: user.$id, items: body.items } });
  return NextResponse.json(order, { status: 201 });
}

export async function GET() {
  const { account } = await createSessionClient();
  const user = await account.get();
  const { databases } = await createAdminClient();
  const orders = await databases.listDocuments('shop', 'orders');
  return NextResponse.json(orders.documents.filter((d) => d.userId === user.$id));
}
