'use client';
import { useEffect, useState } from 'react';
import { Client, Users } from 'node-appwrite';

// PLANTED: a client component with the server SDK and an API key (from a NEXT_PUBLIC_ variable).
const admin = new Client()
  .setEndpoint(process.env.NEXT_PUBLIC_APPWRITE_ENDPOINT!)
  .setProject(process.env.NEXT_PUBLIC_APPWRITE_PROJECT_ID!)
  .setKey(process.env.NEXT_PUBLIC_APPWRITE_API_KEY!);
const users = new Users(admin);

export function AdminPanel() {
  const [total, setTotal] = useState(0);
  useEffect(() => {
    users.list().then((r) => setTotal(r.total));
  }, []);
  return <div>{total} users</div>;
}
