/** Small questions about Babel AST nodes: names, env reads, request headers, CommonJS and require forms. */
import type { Node } from '@babel/types';
import type { EnvRead } from './types.js';

type AnyNode = Node & Record<string, unknown>;

export function propertyName(key: Node, computed: boolean): string | undefined {
  if (!computed && key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral') return key.value;
  if (key.type === 'PrivateName') return `#${key.id.name}`;
  return undefined;
}

/** `process.env.X`, `process.env['X']`, `import.meta.env.X`: the variable name. */
export function envName(node: Node): string | undefined {
  if (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression') return undefined;
  const name = propertyName(node.property, node.computed);
  if (!name) return undefined;
  const o = node.object;
  if ((o.type === 'MemberExpression' || o.type === 'OptionalMemberExpression') && propertyName(o.property, o.computed) === 'env') {
    if (o.object.type === 'Identifier' && o.object.name === 'process') return name;
    if (o.object.type === 'MetaProperty') return name;
  }
  return undefined;
}

/** `req.headers['x-appwrite-key']` (Appwrite functions' per-execution key) and similar header reads. */
export function requestHeaderName(node: Node): string | undefined {
  if (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression') return undefined;
  const name = propertyName(node.property, node.computed);
  const o = node.object;
  if (!name || !/^x-appwrite-/i.test(name)) return undefined;
  if ((o.type === 'MemberExpression' || o.type === 'OptionalMemberExpression') && propertyName(o.property, o.computed) === 'headers') return name.toLowerCase();
  return undefined;
}

/** `req.headers.get('x-appwrite-key')`. */
export function requestHeaderCall(node: Node): string | undefined {
  if (node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression') return undefined;
  const c = node.callee;
  if (c.type !== 'MemberExpression' || propertyName(c.property, c.computed) !== 'get') return undefined;
  const arg = node.arguments[0];
  if (arg?.type !== 'StringLiteral' || !/^x-appwrite-/i.test(arg.value)) return undefined;
  const o = c.object;
  if ((o.type === 'MemberExpression' || o.type === 'OptionalMemberExpression') && propertyName(o.property, o.computed) === 'headers') return arg.value.toLowerCase();
  return undefined;
}

/** Return arguments of a function body, not descending into nested functions. */
export function returnStatements(body: Node): Node[] {
  const out: Node[] = [];
  const visit = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      for (const c of n) visit(c);
      return;
    }
    const node = n as AnyNode;
    if (typeof node.type !== 'string') return;
    if (node.type === 'ReturnStatement') {
      if (node.argument) out.push(node.argument as Node);
      return;
    }
    if (/Function|ObjectMethod|ClassMethod/.test(node.type)) return;
    for (const [k, v] of Object.entries(node)) if (k !== 'loc' && k !== 'leadingComments' && k !== 'trailingComments') visit(v);
  };
  visit(body);
  return out;
}

export function lastName(n: Node): string {
  switch (n.type) {
    case 'Identifier':
      return n.name;
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return propertyName(n.property, n.computed) ?? '';
    case 'CallExpression':
    case 'OptionalCallExpression':
      return lastName(n.callee as Node);
    case 'AwaitExpression':
      return n.argument ? lastName(n.argument) : '';
    case 'ParenthesizedExpression':
    case 'TSNonNullExpression':
    case 'TSAsExpression':
      return lastName(n.expression);
    case 'NewExpression':
      return n.callee.type === 'Identifier' ? n.callee.name : '';
    default:
      return '';
  }
}

/** A short, secret-free description of an expression (never its literal contents). */
export function describeNode(n: Node): string {
  if (n.type === 'Identifier') return n.name;
  if (n.type === 'CallExpression') return `${lastName(n.callee as Node) || 'call'}()`;
  if (n.type === 'MemberExpression') return `…${lastName(n)}`;
  return n.type;
}

/** `module.exports = …` -> default, `exports.x = …` / `module.exports.x = …` -> x. */
export function commonJsExport(l: Node): string | undefined {
  if (l.type !== 'MemberExpression') return undefined;
  const prop = propertyName(l.property, l.computed);
  const o = l.object;
  if (o.type === 'Identifier' && o.name === 'module' && prop === 'exports') return 'default';
  if (o.type === 'Identifier' && o.name === 'exports') return prop;
  if (o.type === 'MemberExpression' && o.object.type === 'Identifier' && o.object.name === 'module' && propertyName(o.property, o.computed) === 'exports') return prop;
  return undefined;
}

export function requireSource(init: Node | null | undefined): string | undefined {
  let n = init;
  while (n && (n.type === 'MemberExpression' || n.type === 'AwaitExpression')) n = n.type === 'MemberExpression' ? n.object : n.argument;
  if (n?.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'require' && n.arguments[0]?.type === 'StringLiteral') return n.arguments[0].value;
  return undefined;
}

export function envModule(source: string): EnvRead['via'] | undefined {
  return source === '$env/static/public' || source === '$env/dynamic/public' || source === '$env/static/private' || source === '$env/dynamic/private' ? source : undefined;
}

export function patternNames(p: Node): string[] {
  if (p.type === 'Identifier') return [p.name];
  if (p.type === 'ObjectPattern') return p.properties.flatMap((q) => (q.type === 'RestElement' ? patternNames(q.argument) : patternNames(q.value as Node)));
  if (p.type === 'ArrayPattern') return p.elements.flatMap((e) => (e ? patternNames(e) : []));
  if (p.type === 'AssignmentPattern') return patternNames(p.left);
  return [];
}
