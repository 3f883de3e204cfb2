import { describe, expect, it } from 'vitest';
import { analyzePatternModule } from './patterns.js';

const CANARY = `standard_${'c0ffee00'.repeat(32)}`;
const summarize = (m: ReturnType<typeof analyzePatternModule>) => ({
  sdks: m.sdkImports.map((s) => s.pkg),
  calls: m.calls.map((c) => `${c.line} ${c.target.kind === 'service' ? `${c.target.service}.${c.method} ${c.target.auth}` : `?${c.target.kind === "name" ? c.target.hint : ""}.${c.method}`}`),
  keys: m.keyUses.map((k) => `${k.line} ${k.kind} ${k.source.kind === 'env' || k.source.kind === 'request-header' ? `${k.source.kind}:${k.source.name}` : k.source.kind}`),
});

describe('pattern fallback', () => {
  it('Flutter: session client, bound services, named-argument calls', () => {
    const m = analyzePatternModule(
      `import 'package:appwrite/appwrite.dart';\n\nfinal client = Client()\n  ..setEndpoint('https://x/v1')\n  ..setProject('p');\nfinal databases = Databases(client);\n// databases.deleteDocument(databaseId: 'a') is commented out\nFuture<void> f() async {\n  await databases.createDocument(databaseId: 'a', collectionId: 'b', documentId: ID.unique(), data: {});\n}`,
      'lib/main.dart',
      'dart',
    );
    expect(summarize(m)).toEqual({ sdks: ['flutter:appwrite'], calls: ['9 databases.createDocument session'], keys: [] });
  });

  it('dart_appwrite with a cascade setKey and a key header sent from a map literal', () => {
    const m = analyzePatternModule(
      `import 'package:dart_appwrite/dart_appwrite.dart' as sdk;\nfinal sdk.Client client = sdk.Client()\n  ..setKey(Platform.environment['APPWRITE_KEY']!);\nfinal users = sdk.Users(client);\nvoid main() async {\n  await users.list();\n  await http.get(u, headers: {'X-Appwrite-Key': '${CANARY}'});\n  final k = req.headers['x-appwrite-key'];\n}`,
      'bin/server.dart',
      'dart',
    );
    expect(summarize(m)).toEqual({ sdks: ['dart_appwrite'], calls: ['6 users.list key'], keys: ['3 setKey env:APPWRITE_KEY', '7 header literal'] });
    expect(JSON.stringify(m.keyUses)).not.toContain(CANARY);
  });

  it('Python: snake_case methods map to catalog names; request-header keys are function keys', () => {
    const m = analyzePatternModule(
      `from appwrite.client import Client\nfrom appwrite.services.tables_db import TablesDB\n\ndef main(context):\n    client = (\n        Client()\n        .set_endpoint(os.environ["APPWRITE_FUNCTION_API_ENDPOINT"])\n        .set_key(context.req.headers["x-appwrite-key"])\n    )\n    tables = TablesDB(client)\n    tables.create_row("db", "t", ID.unique(), {})\n    # tables.delete_row("db", "t", "x")\n    return tables.list_rows("db", "t")`,
      'functions/x/src/main.py',
      'python',
    );
    expect(summarize(m)).toEqual({ sdks: ['python:appwrite', 'python:appwrite'], calls: ['11 tablesDB.createRow key', '13 tablesDB.listRows key'], keys: ['8 setKey request-header:x-appwrite-key'] });
  });

  it('Kotlin and Swift', () => {
    const kt = analyzePatternModule(`import io.appwrite.Client\nimport io.appwrite.services.Account\nval client = Client(context).setEndpoint("https://x/v1").setProject("p")\nval account = Account(client)\nsuspend fun me() = account.get()`, 'app/src/main/java/Main.kt', 'kotlin');
    expect(summarize(kt)).toEqual({ sdks: ['kotlin:io.appwrite', 'kotlin:io.appwrite'], calls: ['5 account.get unknown'], keys: [] });
    const sw = analyzePatternModule(`import Appwrite\nlet client = Client().setEndpoint("https://x/v1").setKey(ProcessInfo.processInfo.environment["KEY"]!)\nlet storage = Storage(client)\nlet f = try await storage.listFiles(bucketId: "b")`, 'Sources/App/main.swift', 'swift');
    expect(summarize(sw)).toEqual({ sdks: ['swift:Appwrite'], calls: ['4 storage.listFiles key'], keys: ['2 setKey env:KEY'] });
  });
});
