/** Turns the interpreter's values into the serialisable shapes cross-module resolution reads. */
import type { Node } from '@babel/types';
import { lastName } from './js-ast.js';
import { clientAuth, type Evaluator, type Value } from './js-values.js';
import type { CallTarget, ExportValue } from './types.js';

export function callTarget(v: Value, object: Node): CallTarget {
  if (v.t === 'service') return { kind: 'service', service: v.service, pkg: v.pkg, auth: clientAuth(v.client), ...(v.client?.authFrom ? { authFrom: v.client.authFrom } : {}) };
  if (v.t === 'import') return { kind: 'import', ref: v.ref };
  return { kind: 'name', hint: lastName(object) };
}

export function toExportValue(v: Value, ev?: Evaluator, depth = 0): ExportValue | null {
  if (depth > 4) return null;
  switch (v.t) {
    case 'service':
      return { kind: 'service', service: v.service, pkg: v.pkg, auth: clientAuth(v.client), ...(v.client?.authFrom ? { authFrom: v.client.authFrom } : {}) };
    case 'client':
      return { kind: 'client', pkg: v.state.pkg, auth: clientAuth(v.state), ...(v.state.authFrom ? { authFrom: v.state.authFrom } : {}) };
    case 'sdk-class':
      return { kind: 'sdk-class', pkg: v.pkg, name: v.name };
    case 'import':
      return { kind: 'import', ref: v.ref };
    case 'object': {
      const props: Record<string, ExportValue> = {};
      for (const [k, get] of v.props) {
        const e = toExportValue(get(), ev, depth + 1);
        if (e) props[k] = e;
      }
      return Object.keys(props).length ? { kind: 'object', props } : null;
    }
    case 'fn': {
      if (!ev) return null;
      const returns = toExportValue(ev.returnsOf(v.node, v.scope), ev, depth + 1);
      return returns ? { kind: 'factory', returns } : null;
    }
    default:
      return null;
  }
}
