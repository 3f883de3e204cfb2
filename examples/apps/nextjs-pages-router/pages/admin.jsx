import { useState } from 'react';
import { Client, Databases } from 'node-appwrite';

// PLANTED: the page component body runs in the browser: the server SDK and a key from a public variable.
const client = new Client()
  .setEndpoint(process.env.NEXT_PUBLIC_APPWRITE_ENDPOINT)
  .setProject(process.env.NEXT_PUBLIC_APPWRITE_PROJECT)
  .setKey(process.env.NEXT_PUBLIC_ADMIN_KEY);
const databases = new Databases(client);

export default function Admin() {
  const [id, setId] = useState('');
  return <button onClick={() => databases.deleteDocument('blog', 'posts', id)}>Delete post</button>;
}
