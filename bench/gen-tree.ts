import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Generates a realistic source tree of a given size with secrets planted at known places, for the
 * secret-scanner benchmark. Deterministic for a seed; written file by file (never buffered whole).
 */
export interface PlantedSecret {
  path: string;
  ruleId: string;
}

export interface GeneratedTree {
  root: string;
  files: number;
  bytes: number;
  planted: PlantedSecret[];
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const B64 = `${B62}+/`;

export function makeSecrets(rnd: () => number) {
  const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
  const b64url = (s: string) => Buffer.from(s).toString('base64url');
  const jwt = () => `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(`{"projectId":"bench${pick(HEX, 6)}","scopes":["users.read"]}`)}.${pick(`${B62}-_`, 43)}`;
  const pem = (label: string) => `-----BEGIN ${label}-----\n${Array.from({ length: 6 }, () => pick(B64, 64)).join('\n')}\n-----END ${label}-----`;
  return {
    standard: () => `standard_${pick(HEX, 256)}`,
    hex256: () => pick(HEX, 256),
    ephemeral: () => `ephemeral_${jwt()}`,
    github: () => `ghp_${pick(B62, 36)}`,
    awsId: () => `AKIA${pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`,
    awsSecret: () => `${pick(B62, 20)}/${pick(B62, 10)}+${pick(B62, 8)}`,
    slack: () => `xoxb-${pick('0123456789', 12)}-${pick('0123456789', 12)}-${pick(B62, 24)}`,
    slackHook: () => `https://hooks.slack.com/services/T${pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 8)}/B${pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 8)}/${pick(B62, 24)}`,
    stripe: () => `sk_live_${pick(B62, 24)}`,
    npm: () => `npm_${pick(B62, 36)}`,
    pem: () => pem('RSA PRIVATE KEY'),
    jwtSecret: () => pick(B62, 40),
    opensslKey: () => pick(B62, 32),
  };
}

/** One planted secret per template; each returns the file text around it and the rule that must fire. */
function plantTemplates(s: ReturnType<typeof makeSecrets>): Array<() => { name: string; text: string; ruleId: string }> {
  return [
    () => ({ name: 'scripts/check-permissions.js', text: `const { Client } = require('node-appwrite');\nconst client = new Client().setEndpoint(ENDPOINT).setProject('bench');\nconst key = '${s.standard()}';\n`, ruleId: 'appwrite-standard-key' }),
    () => ({ name: 'src/lib/admin.ts', text: `export const admin = new Client()\n  .setProject('bench')\n  .setKey('${s.hex256()}');\n`, ruleId: 'appwrite-legacy-key' }),
    () => ({ name: 'functions/hook/main.js', text: `const key = "${s.ephemeral()}";\n`, ruleId: 'appwrite-ephemeral-key' }),
    () => ({ name: 'tools/release.sh', text: `export GITHUB_TOKEN=${s.github()}\n`, ruleId: 'github-token' }),
    () => ({ name: 'deploy/aws.ini', text: `[default]\naws_access_key_id = ${s.awsId()}\naws_secret_access_key = ${s.awsSecret()}\n`, ruleId: 'aws-access-key' }),
    () => ({ name: 'ops/notify.py', text: `SLACK_TOKEN = "${s.slack()}"\nWEBHOOK = "${s.slackHook()}"\n`, ruleId: 'slack-token' }),
    () => ({ name: 'billing/stripe.ts', text: `const stripe = new Stripe('${s.stripe()}');\n`, ruleId: 'stripe-key' }),
    () => ({ name: '.npmrc.sample', text: `//registry.npmjs.org/:_authToken=${s.npm()}\n`, ruleId: 'npm-token' }),
    () => ({ name: 'certs/server.key', text: `${s.pem()}\n`, ruleId: 'private-key' }),
    () => ({ name: 'config/auth.env', text: `JWT_SECRET=${s.jwtSecret()}\n`, ruleId: 'jwt-secret' }),
    () => ({ name: 'deploy/appwrite.env', text: `_APP_ENV=production\n_APP_OPENSSL_KEY_V1=${s.opensslKey()}\n`, ruleId: 'appwrite-openssl-key' }),
    () => ({ name: 'dist/assets/index.js', text: `var e="${s.standard()}";`, ruleId: 'appwrite-standard-key' }),
  ];
}

const CODE_LINES = [
  "import { Client, Databases, Query } from 'appwrite';",
  "import React, { useEffect, useState } from 'react';",
  'export async function listItems(databaseId: string, collectionId: string) {',
  "  const res = await databases.listDocuments(databaseId, collectionId, [Query.limit(25), Query.orderDesc('$createdAt')]);",
  '  return res.documents.map((d) => ({ id: d.$id, title: d.title, createdAt: new Date(d.$createdAt) }));',
  '}',
  'const client = new Client().setEndpoint(import.meta.env.VITE_APPWRITE_ENDPOINT).setProject(import.meta.env.VITE_APPWRITE_PROJECT);',
  '  if (!user) throw new Error("not signed in: call account.get() first");',
  '  // TODO: paginate with cursors once the collection grows past a few thousand documents',
  '  for (let i = 0; i < items.length; i++) { total += items[i].price * items[i].quantity; }',
  "  const [state, setState] = useState<{ loading: boolean; error?: string }>({ loading: true });",
  '  useEffect(() => { void load().then(setData).catch((e) => setState({ loading: false, error: String(e) })); }, [id]);',
  "  return <section className=\"grid gap-4 md:grid-cols-2\">{rows.map((r) => <Card key={r.id} {...r} />)}</section>;",
  'export const config = { runtime: "nodejs", regions: ["fra1"], maxDuration: 30 };',
  '  const token = process.env.APPWRITE_API_KEY; // read on the server only',
  '  await storage.createFile(bucketId, ID.unique(), InputFile.fromBuffer(buf, name), [Permission.read(Role.user(userId))]);',
  '    "version": "1.4.2", "description": "Shared UI components", "main": "dist/index.js", "types": "dist/index.d.ts",',
  '## Configuration\n\nSet `APPWRITE_ENDPOINT` and `APPWRITE_PROJECT_ID` in your `.env` file; see the docs for the full list.',
  'def handler(context):\n    payload = context.req.body_json\n    return context.res.json({"ok": True, "count": len(payload.get("items", []))})',
  '  .then((r) => r.json()).then((j) => console.log(JSON.stringify(j, null, 2))).catch(console.error);',
];

/** Writes the tree under `root` and returns what was planted. */
export function generateTree(root: string, opts: { totalBytes: number; seed?: number; plantEvery?: number }): GeneratedTree {
  const rnd = mulberry32(opts.seed ?? 42);
  const secrets = makeSecrets(rnd);
  const templates = plantTemplates(secrets);
  const planted: PlantedSecret[] = [];
  mkdirSync(root, { recursive: true });
  // A git work tree marker, so rules for committed deployment secrets apply, and a typical .gitignore.
  mkdirSync(path.join(root, '.git'), { recursive: true });
  writeFileSync(path.join(root, '.gitignore'), 'dist/\n.env\n*.log\n');
  let bytes = 0;
  let files = 0;
  const plantEvery = opts.plantEvery ?? 37;
  const exts = ['ts', 'tsx', 'js', 'json', 'md', 'py'];
  while (bytes < opts.totalBytes) {
    const pkg = `packages/pkg-${Math.floor(files / 40)}`;
    let rel: string;
    let text: string;
    if (files % plantEvery === plantEvery - 1) {
      const t = templates[planted.length % templates.length]!();
      rel = `${pkg}/${t.name}`;
      text = `${filler(rnd, 2048)}\n${t.text}${filler(rnd, 2048)}\n`;
      planted.push({ path: rel, ruleId: t.ruleId });
    } else {
      const ext = exts[Math.floor(rnd() * exts.length)]!;
      rel = `${pkg}/src/mod-${files}.${ext}`;
      // Most files are small, a few are large (generated code, bundles): as in a real monorepo.
      const size = rnd() < 0.05 ? 1024 * 1024 + Math.floor(rnd() * 2 * 1024 * 1024) : 8 * 1024 + Math.floor(rnd() * 160 * 1024);
      text = filler(rnd, size);
    }
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    bytes += Buffer.byteLength(text);
    files++;
  }
  return { root, files, bytes, planted };
}

function filler(rnd: () => number, size: number): string {
  const parts: string[] = [];
  let n = 0;
  while (n < size) {
    const line = CODE_LINES[Math.floor(rnd() * CODE_LINES.length)]!;
    parts.push(line);
    n += line.length + 1;
  }
  return parts.join('\n');
}
