// @ts-check
/**
 * Pointbook's layer rules, as a local ESLint plugin (`pointbook/layers`, `pointbook/bridge`).
 *
 * The table of layers lives in eslint.config.mjs (`layers`). Each layer names:
 *   files, ignores  globs (relative to the repository root) of the files that belong to it; every
 *                   file under src/ must belong to exactly one layer.
 *   packages        npm packages it may import, one by one (a package allows its subpaths:
 *                   `react` allows `react/jsx-runtime`, not `react-dom`). Each must be in
 *                   package.json `dependencies`; the only exception is a package the runtime
 *                   provides (electron), and only for the layers `runtimeProvided` names.
 *                   checkLayerTable() throws otherwise, so no table edit can allow a devDependency.
 *   typePackages    packages it may import with `import type` / `export type … from` only (types are
 *                   erased at build, nothing ships). A value import of them still fails.
 *   buildTime       exact specifiers the bundler answers itself (a plugin's virtual module).
 *   names           optional per-package allow-list of imported names (the preload may take only
 *                   contextBridge and ipcRenderer from electron); a default, namespace, dynamic or
 *                   `require()` import of such a package fails, since its names cannot be checked.
 *   builtins        Node built-ins it may import, without the `node:` prefix (`fs` allows
 *                   `node:fs`, `fs` and `node:fs/promises`).
 *   layers          other layers it may import (its own files are always allowed).
 *   entry           (on a target layer) the one file other layers may import: the shell reaches the
 *                   core only through src/main/core/index.ts, types included.
 *
 * It is an allow-list and fails closed: a package, built-in, layer or file not listed fails; so do a
 * file under src/ that belongs to no layer, a relative import that lands outside every layer, and a
 * dynamic `import()` or `require()` whose specifier is not a string literal. Every import form is
 * checked: `import`, `import type`, `export … from`, `import()`, `require()` (also a function made
 * by `createRequire`), `require.resolve('literal')`, `import x = require()` and `import('x').T`.
 *
 * `pointbook/bridge`: only src/renderer/src/lib/api.ts may touch the preload's bridge:
 * `window.pointbook`, `globalThis['pointbook']`, `const { pointbook } = window`, a bare global
 * `pointbook`, `Reflect.get(window, 'pointbook')`, and a computed key on the global object that is
 * not a string literal (it could be 'pointbook') all fail elsewhere in src/.
 *
 * Known limits: an alias of the global object (`const w = window; w.pointbook`) is not followed, and
 * neither are module loads by other means (`new Worker(url)`, `process.dlopen`).
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import path from 'node:path'

const SCRIPT_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.d.ts', '.js', '.jsx', '.mjs', '.cjs']
const BUILTINS = new Set(builtinModules.map((name) => name.replace(/^node:/, '')))
const GLOBAL_OBJECTS = new Set([
  'window',
  'globalThis',
  'self',
  'top',
  'parent',
  'frames',
  'global'
])
const BRIDGE = 'pointbook'

/** A glob (`**`, `*`, `?`, `{a,b}`) as a RegExp over '/'-separated paths relative to the root. */
export function globToRegExp(glob) {
  let source = ''
  let braces = 0
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/'
      source += slash ? '(?:.*/)?' : '.*'
      i += slash ? 2 : 1
    } else if (c === '*') source += '[^/]*'
    else if (c === '?') source += '[^/]'
    else if (c === '{') {
      braces++
      source += '(?:'
    } else if (c === '}' && braces > 0) {
      braces--
      source += ')'
    } else if (c === ',' && braces > 0) source += '|'
    else source += c.replace(/[.+^$(){}|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${source}$`)
}

const regexCache = new Map()
function matches(relPath, globs = []) {
  return globs.some((glob) => {
    if (!regexCache.has(glob)) regexCache.set(glob, globToRegExp(glob))
    return regexCache.get(glob).test(relPath)
  })
}

/** The layers a root-relative path belongs to (exactly one for a well-formed table). */
export function layersOf(table, relPath) {
  return Object.entries(table)
    .filter(([, layer]) => matches(relPath, layer.files) && !matches(relPath, layer.ignores))
    .map(([name]) => name)
}

/** `@scope/name/sub` → `@scope/name`, `name/sub?url` → `name`. */
export function packageName(specifier) {
  const parts = specifier.split(/[?#]/)[0].split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

/** The built-in module a specifier names (`node:fs/promises` → `fs`), or undefined. */
export function builtinName(specifier) {
  if (specifier.startsWith('node:')) return specifier.slice(5).split('/')[0]
  const full = specifier.split(/[?#]/)[0]
  if (BUILTINS.has(full)) return full.split('/')[0]
  return undefined
}

/**
 * Throws when the table allows what it must not: a package outside package.json `dependencies`
 * (other than a runtime-provided one in a layer it is provided to), an unknown built-in or layer.
 */
export function checkLayerTable(table, packageJson, runtimeProvided = {}) {
  const dependencies = new Set(Object.keys(packageJson.dependencies ?? {}))
  const devDependencies = new Set(Object.keys(packageJson.devDependencies ?? {}))
  const problems = []
  for (const [name, layer] of Object.entries(table)) {
    for (const pkg of [...layer.packages, ...Object.keys(layer.names ?? {})]) {
      if (dependencies.has(pkg)) continue
      if (runtimeProvided[pkg]?.includes(name)) continue
      problems.push(
        `${name}: package ${pkg} is ${devDependencies.has(pkg) ? 'a devDependency' : 'not in package.json dependencies'}`
      )
    }
    for (const pkg of layer.typePackages ?? []) {
      if (devDependencies.has(pkg) && !dependencies.has(pkg)) {
        problems.push(`${name}: type package ${pkg} is a devDependency`)
      }
    }
    for (const builtin of layer.builtins) {
      if (!BUILTINS.has(builtin)) problems.push(`${name}: ${builtin} is not a Node built-in`)
    }
    for (const other of layer.layers) {
      if (!(other in table)) problems.push(`${name}: unknown layer ${other}`)
    }
    if (layer.entry && !layersOf(table, layer.entry).includes(name)) {
      problems.push(`${name}: entry ${layer.entry} is not a file of the layer`)
    }
  }
  if (problems.length > 0)
    throw new Error(`Layer table in eslint.config.mjs:\n${problems.join('\n')}`)
  return table
}

/** The file a relative import lands on (TypeScript "bundler" resolution), or the bare path. */
function resolveRelative(absPath) {
  const isFile = (p) => existsSync(p) && statSync(p).isFile()
  const withoutJs = absPath.replace(/\.(m|c)?jsx?$/, '')
  const candidates = [
    absPath,
    ...SCRIPT_EXTENSIONS.map((ext) => absPath + ext),
    ...SCRIPT_EXTENSIONS.map((ext) => withoutJs + ext),
    ...SCRIPT_EXTENSIONS.map((ext) => path.join(absPath, `index${ext}`))
  ]
  return candidates.find(isFile) ?? absPath
}

/** Same module? Compares without script extension and a trailing /index. */
function sameModule(a, b) {
  const strip = (p) =>
    p
      .replace(/\.d\.ts$/, '')
      .replace(/\.(m|c)?(t|j)sx?$/, '')
      .replace(/\/index$/, '')
  return strip(a) === strip(b)
}

const toPosix = (p) => p.split(path.sep).join('/')

/** Unwraps `(x as T)`, `x!`, `x satisfies T`, `<T>x`. */
function unwrap(node) {
  let n = node
  while (
    n &&
    ['TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'TSTypeAssertion'].includes(
      n.type
    )
  ) {
    n = n.expression
  }
  return n
}

/** The string value of a literal or an expression-free template, else undefined. */
function staticString(node) {
  const n = unwrap(node)
  if (!n) return undefined
  if (n.type === 'Literal' && typeof n.value === 'string') return n.value
  if (n.type === 'TemplateLiteral' && n.expressions.length === 0) return n.quasis[0].value.cooked
  if (n.type === 'TSLiteralType') return staticString(n.literal)
  return undefined
}

function relativeToRoot(context, root) {
  const filename = context.filename
  if (!filename || filename.startsWith('<')) return undefined
  return { abs: filename, rel: toPosix(path.relative(root, filename)) }
}

/** The JSON schema of a rule's one options object. */
function optionsSchema(required, optional = {}) {
  const properties = { ...required, ...optional }
  return [
    { type: 'object', properties, required: Object.keys(required), additionalProperties: false }
  ]
}

const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Allow-list of what each layer of src/ may import (eslint.config.mjs)' },
    schema: optionsSchema(
      { root: { type: 'string' }, layers: { type: 'object' } },
      { runtimeProvided: { type: 'object' } }
    ),
    messages: {
      noLayer:
        '{{file}} belongs to {{count}} layers of the table in eslint.config.mjs; it must belong to exactly one.',
      nonLiteral:
        'The {{layer}} layer: a dynamic {{form}} needs a string-literal specifier so the layer rules can check it.',
      package:
        "The {{layer}} layer may not import the package '{{pkg}}'{{why}}. Allowed: {{allowed}}.",
      typeOnlyPackage:
        "The {{layer}} layer may import '{{pkg}}' only with `import type` (it ships no code).",
      builtin:
        "The {{layer}} layer may not import the Node built-in '{{builtin}}'. Allowed: {{allowed}}.",
      unknownScheme: "'{{specifier}}' is neither a relative path, a package nor a Node built-in.",
      outside: "'{{specifier}}' leads to {{target}}, which belongs to no layer.",
      layer:
        "The {{layer}} layer may not import the {{target}} layer ('{{specifier}}'). Allowed: {{allowed}}.",
      entry:
        "The {{layer}} layer may import the {{target}} layer only through {{entry}} ('{{specifier}}' is internal).",
      names: "The {{layer}} layer may import only {{allowed}} from '{{pkg}}'{{what}}."
    }
  },
  create(context) {
    const { root, layers: table, runtimeProvided = {} } = context.options[0]
    const file = relativeToRoot(context, root)
    if (!file || !file.rel.startsWith('src/')) return {}
    const own = layersOf(table, file.rel)
    if (own.length !== 1) {
      return {
        Program(node) {
          context.report({
            node,
            messageId: 'noLayer',
            data: { file: file.rel, count: own.length }
          })
        }
      }
    }
    const layerName = own[0]
    const layer = table[layerName]
    const dependencies = readDependencies(root)
    const requireNames = new Set(['require'])
    const list = (items) => (items.length > 0 ? items.join(', ') : 'none')

    /**
     * @param {any} node report location
     * @param {string} specifier
     * @param {{ typeOnly?: boolean, names?: string[] | null }} how names: imported names, null
     *   when they cannot be known (default/namespace/dynamic)
     */
    function check(node, specifier, how = {}) {
      const data = { layer: layerName, specifier }
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        return checkRelative(node, specifier, data)
      }
      const builtin = builtinName(specifier)
      if (builtin !== undefined) {
        if (!layer.builtins.includes(builtin)) {
          context.report({
            node,
            messageId: 'builtin',
            data: { ...data, builtin, allowed: list(layer.builtins) }
          })
        }
        return
      }
      if (/^[a-z][a-z0-9+.-]*:/i.test(specifier) || specifier.startsWith('#')) {
        context.report({ node, messageId: 'unknownScheme', data })
        return
      }
      if ((layer.buildTime ?? []).includes(specifier)) return
      const pkg = packageName(specifier)
      if (layer.packages.includes(pkg) || layer.names?.[pkg]) {
        const allowedNames = layer.names?.[pkg]
        if (
          allowedNames &&
          (how.names == null || how.names.some((n) => !allowedNames.includes(n)))
        ) {
          const bad = how.names?.filter((n) => !allowedNames.includes(n)) ?? []
          context.report({
            node,
            messageId: 'names',
            data: {
              ...data,
              pkg,
              allowed: allowedNames.join(', '),
              what: bad.length > 0 ? ` (not ${bad.join(', ')})` : ' (as named imports)'
            }
          })
        }
        return
      }
      if ((layer.typePackages ?? []).includes(pkg)) {
        if (!how.typeOnly)
          context.report({ node, messageId: 'typeOnlyPackage', data: { ...data, pkg } })
        return
      }
      const why = runtimeProvided[pkg]
        ? ` (the runtime provides it to ${runtimeProvided[pkg].join(', ')} only)`
        : dependencies.dev.has(pkg)
          ? ' (a devDependency: src/ may import only package.json dependencies)'
          : dependencies.prod.has(pkg)
            ? ''
            : ' (not in package.json dependencies)'
      context.report({
        node,
        messageId: 'package',
        data: { ...data, pkg, why, allowed: list(layer.packages) }
      })
    }

    function checkRelative(node, specifier, data) {
      const clean = specifier.split(/[?#]/)[0]
      const target = resolveRelative(path.resolve(path.dirname(file.abs), clean))
      const targetRel = toPosix(path.relative(root, target))
      const targets = layersOf(table, targetRel)
      if (targets.length !== 1) {
        context.report({ node, messageId: 'outside', data: { ...data, target: targetRel } })
        return
      }
      const targetName = targets[0]
      if (targetName === layerName) return
      if (!layer.layers.includes(targetName)) {
        context.report({
          node,
          messageId: 'layer',
          data: { ...data, target: targetName, allowed: list(layer.layers) }
        })
        return
      }
      const entry = table[targetName].entry
      if (entry && !sameModule(targetRel, entry)) {
        context.report({ node, messageId: 'entry', data: { ...data, target: targetName, entry } })
      }
    }

    function checkDynamic(node, arg, form) {
      const specifier = staticString(arg)
      if (specifier === undefined) {
        context.report({ node, messageId: 'nonLiteral', data: { layer: layerName, form } })
      } else check(node, specifier, { names: null })
    }

    const importedName = (s) =>
      s.imported.type === 'Identifier' ? s.imported.name : s.imported.value

    return {
      ImportDeclaration(node) {
        const named = node.specifiers.length > 0
        const names =
          named && node.specifiers.every((s) => s.type === 'ImportSpecifier')
            ? node.specifiers.map(importedName)
            : null
        check(node.source, node.source.value, { typeOnly: node.importKind === 'type', names })
      },
      ExportNamedDeclaration(node) {
        if (!node.source) return
        const names = node.specifiers.map((s) =>
          s.local.type === 'Identifier' ? s.local.name : s.local.value
        )
        check(node.source, node.source.value, { typeOnly: node.exportKind === 'type', names })
      },
      ExportAllDeclaration(node) {
        check(node.source, node.source.value, { typeOnly: node.exportKind === 'type', names: null })
      },
      ImportExpression(node) {
        checkDynamic(node, node.source, 'import()')
      },
      TSImportEqualsDeclaration(node) {
        if (node.moduleReference.type !== 'TSExternalModuleReference') return
        const specifier = staticString(node.moduleReference.expression)
        if (specifier === undefined) return
        check(node.moduleReference, specifier, {
          typeOnly: node.importKind === 'type',
          names: null
        })
      },
      TSImportType(node) {
        // typescript-eslint 8 names it `source`; older versions `argument` (deprecated since).
        const specifier = staticString(node.source ?? node.argument)
        if (specifier === undefined) return
        let q = node.qualifier
        while (q && q.type === 'TSQualifiedName') q = q.left
        check(node, specifier, { typeOnly: true, names: q ? [q.name] : null })
      },
      VariableDeclarator(node) {
        const init = unwrap(node.init)
        if (init?.type !== 'CallExpression' || node.id.type !== 'Identifier') return
        if (calleeName(init.callee) === 'createRequire') requireNames.add(node.id.name)
      },
      CallExpression(node) {
        const callee = node.callee
        if (isRequireFunction(callee)) {
          checkDynamic(node, node.arguments[0], 'require()')
        } else if (callee.type === 'MemberExpression' && !callee.computed) {
          const method = callee.property.name
          if (method === 'require' && callee.object.name === 'module') {
            checkDynamic(node, node.arguments[0], 'require()')
          } else if (method === 'resolve' && isRequireFunction(callee.object)) {
            // require.resolve() only finds a path: checked when literal, not required to be.
            const specifier = staticString(node.arguments[0])
            if (specifier !== undefined) check(node, specifier, { names: null })
          }
        }
      }
    }

    /** `require`, a name bound to `createRequire(…)`, or a `createRequire(…)` call itself. */
    function isRequireFunction(node) {
      const n = unwrap(node)
      if (n?.type === 'Identifier') return requireNames.has(n.name)
      return n?.type === 'CallExpression' && calleeName(n.callee) === 'createRequire'
    }
  }
}

/** `f` of `f(…)` or `x.f(…)`. */
const calleeName = (callee) =>
  callee.type === 'MemberExpression' ? callee.property.name : callee.name

const dependencyCache = new Map()
function readDependencies(root) {
  if (!dependencyCache.has(root)) {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
    dependencyCache.set(root, {
      prod: new Set(Object.keys(pkg.dependencies ?? {})),
      dev: new Set(Object.keys(pkg.devDependencies ?? {}))
    })
  }
  return dependencyCache.get(root)
}

const isGlobalObject = (node) => {
  const n = unwrap(node)
  return n?.type === 'Identifier' && GLOBAL_OBJECTS.has(n.name)
}

const bridgeRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Only src/renderer/src/lib/api.ts may touch window.pointbook' },
    schema: optionsSchema({
      root: { type: 'string' },
      allow: { type: 'array', items: { type: 'string' } }
    }),
    messages: {
      bridge:
        'Only {{allow}} may touch the preload bridge (window.{{name}}); call the api it exports.',
      dynamic:
        'A computed key on the global object could be the preload bridge; only {{allow}} may do this.'
    }
  },
  create(context) {
    const { root, allow } = context.options[0]
    const file = relativeToRoot(context, root)
    if (!file || allow.includes(file.rel)) return {}
    const data = { allow: allow.join(', '), name: BRIDGE }
    const report = (node, messageId = 'bridge') => context.report({ node, messageId, data })
    const isBridgeKey = (node) => staticString(node) === BRIDGE

    return {
      MemberExpression(node) {
        if (!isGlobalObject(node.object)) return
        if (!node.computed) {
          if (node.property.type === 'Identifier' && node.property.name === BRIDGE) report(node)
          return
        }
        const key = staticString(node.property)
        if (key === BRIDGE) report(node)
        else if (key === undefined && node.property.type !== 'Literal') report(node, 'dynamic')
      },
      VariableDeclarator(node) {
        destructured(node.id, node.init)
      },
      AssignmentExpression(node) {
        destructured(node.left, node.right)
      },
      BinaryExpression(node) {
        if (node.operator === 'in' && isGlobalObject(node.right) && isBridgeKey(node.left)) {
          report(node)
        }
      },
      CallExpression(node) {
        if (node.arguments.some(isGlobalObject) && node.arguments.some(isBridgeKey)) report(node)
      },
      'Program:exit'() {
        // A bare `pointbook` that no declaration answers is the global (window) property.
        const globalScope = context.sourceCode.scopeManager?.globalScope
        for (const ref of globalScope?.through ?? []) {
          if (ref.identifier.name === BRIDGE) report(ref.identifier)
        }
      }
    }

    /** `{ pointbook } = window`, `{ [key]: b } = window` or `{ ...all } = window`. */
    function destructured(pattern, value) {
      if (pattern.type !== 'ObjectPattern' || !isGlobalObject(value)) return
      for (const prop of pattern.properties) {
        const key =
          prop.type === 'RestElement'
            ? undefined
            : prop.computed || prop.key.type !== 'Identifier'
              ? staticString(prop.key)
              : prop.key.name
        if (key === undefined || key === BRIDGE) report(prop)
      }
    }
  }
}

/** The plugin: register as `plugins: { pointbook: layerPlugin }`. */
export const layerPlugin = {
  meta: { name: 'pointbook-layers' },
  rules: { layers: layersRule, bridge: bridgeRule }
}
