import 'package:http/http.dart' as http;

// PLANTED: a raw REST call from the app carrying the project key header.
Future<void> forceSync(String endpoint, String key) async {
  await http.post(
    Uri.parse('$endpoint/functions/sync/executions'),
    headers: {'X-Appwrite-Project': 'field-notes', 'X-Appwrite-Key': key},
  );
}
