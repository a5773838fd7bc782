// The architecture as lint rules (ARCHITECTURE.md, "Two floors and the rooms between"):
// - a module keeps its tables: no module imports another module's entity or repository;
// - the ground floor (src/database, src/common) imports no feature module;
// - services hold rules, repositories hold SQL: no query, query builder or repository access in a service.
// A module is the first folder under src/. Each rule takes `allow`: files that break it today, listed in
// eslint.config.mjs while the refactor moves them (those lists may only shrink).
import { dirname, relative, resolve, sep } from 'node:path';

/** Folders every module may build on. */
export const SHARED = new Set(['common', 'database', 'config']);
/** Above the modules: they assemble the app (the entity list, the seeds, the CLIs) and may import anything. */
export const ABOVE = new Set(['seed', 'cli']);

const posix = (p) => p.split(sep).join('/');

/** `src/...` path of the file being linted, or undefined outside src/. */
function sourcePath(context) {
  const path = posix(relative(context.cwd, context.filename));
  return path.startsWith('src/') ? path : undefined;
}

/** `src/...` path an import points to, or undefined for packages and paths outside src/. */
function importedPath(context, specifier) {
  if (typeof specifier !== 'string' || !specifier.startsWith('.')) return undefined;
  const path = posix(relative(context.cwd, resolve(dirname(context.filename), specifier)));
  return path.startsWith('src/') ? path : undefined;
}

/** The module of a `src/...` path: its first folder, or undefined for a file directly under src/. */
function moduleOf(path) {
  const parts = path.split('/');
  return parts.length > 2 ? parts[1] : undefined;
}

const isEntity = (path) => /\.entity(\.ts)?$/.test(path);
const isRepository = (path) => /\.repository(\.ts)?$/.test(path);

const allowOption = {
  type: 'object',
  properties: { allow: { type: 'array', items: { type: 'string' }, uniqueItems: true } },
  additionalProperties: false,
};

const allowed = (context, file) => (context.options[0]?.allow ?? []).includes(file);

/** Calls `check(node, specifier)` for every import, re-export and dynamic import with a literal path. */
function onImports(check) {
  const fromSource = (node) => node.source && check(node, node.source.value);
  return {
    ImportDeclaration: fromSource,
    ExportNamedDeclaration: fromSource,
    ExportAllDeclaration: fromSource,
    ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
  };
}

const noForeignPersistence = {
  meta: {
    type: 'problem',
    docs: {
      description: "A module uses another module's data through its service, never its entity or repository.",
    },
    schema: [allowOption],
    messages: {
      foreign:
        "{{module}} imports {{target}}, which belongs to {{owner}}: call {{owner}}'s service instead (entities may import entities for TypeORM relations).",
    },
  },
  create(context) {
    const file = sourcePath(context);
    const module = file && moduleOf(file);
    if (!module || ABOVE.has(module) || allowed(context, file)) return {};
    return onImports((node, specifier) => {
      const target = importedPath(context, specifier);
      if (!target || !(isEntity(target) || isRepository(target))) return;
      const owner = moduleOf(target);
      if (!owner || owner === module || SHARED.has(owner)) return;
      if (isEntity(file) && isEntity(target)) return;
      context.report({ node, messageId: 'foreign', data: { module, target, owner } });
    });
  },
};

const groundFloor = {
  meta: {
    type: 'problem',
    docs: { description: 'src/database and src/common import no feature module: the modules build on them.' },
    schema: [allowOption],
    messages: {
      upward:
        '{{module}} is the ground floor and may not import {{target}}: move what it needs down, or hand it in from above (as DatabaseModule.forRoot does).',
    },
  },
  create(context) {
    const file = sourcePath(context);
    const module = file && moduleOf(file);
    // A unit spec sits above what it tests and may build its sample from anything.
    if (
      !module ||
      !['database', 'common'].includes(module) ||
      file.endsWith('.spec.ts') ||
      allowed(context, file)
    )
      return {};
    return onImports((node, specifier) => {
      const target = importedPath(context, specifier);
      if (!target) return;
      const owner = moduleOf(target);
      if (owner && SHARED.has(owner)) return;
      context.report({ node, messageId: 'upward', data: { module: `src/${module}`, target } });
    });
  },
};

const SQL_CALLS = new Set(['query', 'createQueryBuilder', 'getRepository']);
const SQL_HELPERS = new Set(['findOrFail', 'updateVersioned', 'findById']);

const noSqlInServices = {
  meta: {
    type: 'problem',
    docs: { description: "A service holds rules; its module's repository holds every query." },
    schema: [allowOption],
    messages: {
      call: "A service may not call .{{name}}(): move the query into the module's repository (with @GenerateSql).",
      helper: "A service may not use {{name}} from common/persistence: that is the repository's work.",
    },
  },
  create(context) {
    const file = sourcePath(context);
    // The ground floor's services (DatabaseContext) are where the transaction itself is run.
    if (!file || !file.endsWith('.service.ts') || SHARED.has(moduleOf(file)) || allowed(context, file))
      return {};
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier')
          return;
        if (SQL_CALLS.has(callee.property.name))
          context.report({ node: callee.property, messageId: 'call', data: { name: callee.property.name } });
      },
      ImportDeclaration(node) {
        const target = importedPath(context, node.source.value);
        if (!target || !target.startsWith('src/common/persistence/')) return;
        for (const spec of node.specifiers) {
          const name =
            spec.type === 'ImportSpecifier' ? (spec.imported.name ?? spec.imported.value) : undefined;
          if (name && SQL_HELPERS.has(name))
            context.report({ node: spec, messageId: 'helper', data: { name } });
        }
      },
    };
  },
};

export default {
  meta: { name: 'module-boundaries' },
  rules: {
    'no-foreign-persistence': noForeignPersistence,
    'ground-floor': groundFloor,
    'no-sql-in-services': noSqlInServices,
  },
};
