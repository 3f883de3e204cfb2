import 'package:appwrite/appwrite.dart';

// The app talks to Appwrite as the signed-in user (session kept by the SDK).
final Client client = Client()
    .setEndpoint('https://appwrite.fieldnotes.example/v1')
    .setProject('field-notes');

final Account account = Account(client);
final TablesDB tablesDB = TablesDB(client);

Future<void> saveNote(String text) async {
  final me = await account.get();
  await tablesDB.createRow(
    databaseId: 'notes',
    tableId: 'notes',
    rowId: ID.unique(),
    data: {'text': text, 'owner': me.$id},
    permissions: [Permission.read(Role.user(me.$id)), Permission.write(Role.user(me.$id))],
  );
}
