import 'package:dart_appwrite/dart_appwrite.dart' as server;

// PLANTED: the server SDK inside the app, keyed with a value compiled into the binary.
class AdminService {
  final server.Client _client = server.Client()
    ..setEndpoint('https://appwrite.fieldnotes.example/v1')
    ..setProject('field-notes')
    ..setKey(const String.fromEnvironment('APPWRITE_API_KEY'));

  Future<int> userCount() async {
    final users = server.Users(_client);
    final list = await users.list();
    return list.total;
  }
}
