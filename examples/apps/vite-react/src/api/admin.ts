// PLANTED: calls the REST API from the browser with the project API key in a header.
export async function purgeCompleted(): Promise<void> {
  await fetch(`${import.meta.env.VITE_APPWRITE_ENDPOINT}/tablesdb/todo/tables/todos/rows`, {
    method: 'DELETE',
    headers: {
      'Content-Type': 'application/json',
      'X-Appwrite-Project': import.meta.env.VITE_APPWRITE_PROJECT_ID,
      'X-Appwrite-Key': import.meta.env.VITE_APPWRITE_API_KEY,
    },
  });
}
