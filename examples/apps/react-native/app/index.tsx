import { useEffect, useState } from 'react';
import { Text } from 'react-native';
import { account, tablesDB } from '../lib/appwrite';

export default function Home() {
  const [count, setCount] = useState(0);
  useEffect(() => {
    account.get().then(() => tablesDB.listRows({ databaseId: 'habits', tableId: 'streaks' }).then((r) => setCount(r.total)));
  }, []);
  return <Text>{count} streaks</Text>;
}
