import { Client, Databases } from 'node-appwrite';
import { account } from '../lib/appwrite';

// Runs only on the server (Next strips getServerSideProps and its imports from the page bundle).
export async function getServerSideProps() {
  const client = new Client()
    .setEndpoint(process.env.NEXT_PUBLIC_APPWRITE_ENDPOINT)
    .setProject(process.env.NEXT_PUBLIC_APPWRITE_PROJECT)
    .setKey(process.env.APPWRITE_KEY);
  const posts = await new Databases(client).listDocuments('blog', 'posts');
  return { props: { posts: posts.documents } };
}

export default function Home({ posts }) {
  const logout = () => account.deleteSession('current');
  return (
    <main>
      <button onClick={logout}>Sign out</button>
      {posts.map((p) => <article key={p.$id}>{p.title}</article>)}
    </main>
  );
}
