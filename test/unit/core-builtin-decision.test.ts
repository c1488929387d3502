import { describe, expect, it } from 'vitest'
import { builtinStatus, decideBuiltinSync } from '../../src/main/core/content/builtin-tracking'
import type { BuiltinRecord } from '../../src/main/core/content/builtin-tracking'

const record: BuiltinRecord = {
  kind: 'article',
  itemId: 'a',
  importedVersion: 2,
  importedHash: 'h2',
  shippedVersion: 2,
  shippedHash: 'h2'
}

describe('decideBuiltinSync', () => {
  it('creates new items and leaves the clinic’s own item with the same id alone', () => {
    expect(decideBuiltinSync(null, { contentVersion: 1, textHash: 'h' }, null)).toBe('created')
    expect(decideBuiltinSync(null, { contentVersion: 1, textHash: 'h' }, 'mine')).toBe(
      'skipped-conflict'
    )
  })

  it('applies newer text to unedited items only', () => {
    expect(decideBuiltinSync(record, { contentVersion: 3, textHash: 'h3' }, 'h2')).toBe('updated')
    expect(decideBuiltinSync(record, { contentVersion: 3, textHash: 'h3' }, 'edited')).toBe(
      'kept-edited'
    )
  })

  it('does nothing for the same or an older version', () => {
    expect(decideBuiltinSync(record, { contentVersion: 2, textHash: 'h2' }, 'edited')).toBe(
      'unchanged'
    )
    expect(decideBuiltinSync(record, { contentVersion: 1, textHash: 'h1' }, 'h2')).toBe(
      'skipped-older'
    )
  })

  it('treats changed text under the same version as newer (a forgotten version bump)', () => {
    expect(decideBuiltinSync(record, { contentVersion: 2, textHash: 'other' }, 'h2')).toBe(
      'updated'
    )
  })
})

describe('builtinStatus', () => {
  it('reports clinic items as not built in', () => {
    expect(builtinStatus(null, 'x')).toEqual({
      isBuiltin: false,
      isModified: false,
      updateAvailable: false
    })
  })

  it('reports edits and waiting updates', () => {
    expect(builtinStatus(record, 'h2')).toEqual({
      isBuiltin: true,
      isModified: false,
      updateAvailable: false
    })
    expect(builtinStatus({ ...record, shippedVersion: 3, shippedHash: 'h3' }, 'edited')).toEqual({
      isBuiltin: true,
      isModified: true,
      updateAvailable: true
    })
  })
})
