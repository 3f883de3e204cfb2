import { Button } from 'react-native';

// PLANTED: deletes the account's data through the REST API with the project key from a public variable.
export default function Settings() {
  const wipe = () =>
    fetch(`${process.env.EXPO_PUBLIC_APPWRITE_ENDPOINT}/users/me`, {
      method: 'DELETE',
      headers: { 'X-Appwrite-Project': 'habits', 'X-Appwrite-Key': process.env.EXPO_PUBLIC_APPWRITE_API_KEY ?? '' },
    });
  return <Button title="Wipe" onPress={wipe} />;
}
