import { isJsonObject } from './json.js';
import type { ApiKeySecurity, SecurityRequirement, SecuritySchemeUse } from './types.js';

type Node = Record<string, unknown>;

/** How a scheme shows on the wire, for people and for the diff: `header X-API-KEY`, `http bearer`, `oauth2 a b`. */
function wireOf(scheme: Node, scopes: unknown): string {
  const type = String(scheme['type'] ?? 'unknown');
  if (type === 'apiKey') return `${String(scheme['in'])} ${String(scheme['name'])}`;
  if (type === 'http') return `http ${String(scheme['scheme'] ?? '').toLowerCase()}`;
  const listed = Array.isArray(scopes) ? [...scopes].map(String).sort().join(' ') : '';
  return listed === '' ? type : `${type} ${listed}`;
}

/** The operation's security requirements (its own, else the document's), each scheme described whatever its type. */
export function requirementsOf(root: Node, operation: Node): SecurityRequirement[] {
  const requirements = Array.isArray(operation['security']) ? operation['security'] : root['security'];
  const components = isJsonObject(root['components']) ? root['components'] : {};
  const schemes = isJsonObject(components['securitySchemes']) ? components['securitySchemes'] : {};
  return (Array.isArray(requirements) ? requirements : []).filter(isJsonObject).map((requirement) =>
    Object.entries(requirement).map(([schemeName, scopes]): SecuritySchemeUse => {
      const scheme = schemes[schemeName];
      const node = isJsonObject(scheme) ? scheme : {};
      return { schemeName, type: String(node['type'] ?? 'unknown'), wire: wireOf(node, scopes) };
    }));
}

/** The API-key-in-a-header schemes among the requirements: the ones the harness can drive. */
export function apiKeySchemes(root: Node, operation: Node): ApiKeySecurity[] {
  const components = isJsonObject(root['components']) ? root['components'] : {};
  const schemes = isJsonObject(components['securitySchemes']) ? components['securitySchemes'] : {};
  return requirementsOf(root, operation).flat().flatMap(({ schemeName }) => {
    const scheme = schemes[schemeName];
    if (!isJsonObject(scheme) || scheme['type'] !== 'apiKey' || scheme['in'] !== 'header') return [];
    return [{ schemeName, in: 'header' as const, headerName: String(scheme['name']) }];
  });
}
