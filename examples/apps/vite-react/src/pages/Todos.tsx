import { useEffect, useState } from 'react';
import { ID, Permission, Role, type Models } from 'appwrite';
import { account, tablesDB } from '../lib/appwrite';

export function Todos() {
  const [rows, setRows] = useState<Models.Row[]>([]);
  useEffect(() => {
    tablesDB.listRows({ databaseId: 'todo', tableId: 'todos' }).then((r) => setRows(r.rows));
  }, []);
  const add = async (title: string) => {
    const me = await account.get();
    await tablesDB.createRow({
      databaseId: 'todo',
      tableId: 'todos',
      rowId: ID.unique(),
      data: { title },
      permissions: [Permission.read(Role.user(me.$id)), Permission.write(Role.user(me.$id))],
    });
  };
  return <ul onClick={() => add('new')}>{rows.map((r) => <li key={r.$id}>{String(r.title)}</li>)}</ul>;
}
