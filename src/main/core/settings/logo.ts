import { createHash } from 'node:crypto'
import { ApiError } from '../../../shared/api/errors'
import * as settingsApi from '../../../shared/api/settings'
import { sanitizeSvg } from '../../../shared/markdown/sanitize-svg'
import type { StoredLogo } from './profile-repo'

const MAX_PIXELS = 6000

/**
 * Checks a logo file from its bytes (never its name or claimed type): PNG and JPEG by their
 * signature and a sane pixel size; SVG parsed and sanitized (S9: no script, no event handler, no
 * external reference survives). Refusals say what to do.
 */
export function validateLogo(fileName: string, dataBase64: string): StoredLogo {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(dataBase64)) {
    throw new ApiError('invalid_input', 'The logo file could not be read.')
  }
  const bytes = Buffer.from(dataBase64, 'base64')
  if (bytes.length === 0) throw new ApiError('invalid_input', 'The logo file is empty.')
  if (bytes.length > settingsApi.LOGO_MAX_BYTES) {
    throw new ApiError(
      'invalid_input',
      `The logo is too large (${Math.ceil(bytes.length / 1024)} KB); use an image of 512 KB or less.`
    )
  }
  const png = pngSize(bytes)
  if (png !== null) return finish('image/png', bytes, png)
  const jpeg = jpegSize(bytes)
  if (jpeg !== null) return finish('image/jpeg', bytes, jpeg)
  const text = bytes.toString('utf8')
  if (/<svg[\s>]/i.test(text)) {
    const clean = sanitizeSvg(text)
    if (clean === '')
      throw new ApiError('invalid_input', 'The SVG logo has no drawing Pointbook can use.')
    const data = Buffer.from(clean, 'utf8')
    return finish('image/svg+xml', data, svgSize(clean))
  }
  const shown = fileName.length > 60 ? `${fileName.slice(0, 57)}…` : fileName
  throw new ApiError(
    'invalid_input',
    `"${shown}" is not a PNG, JPEG or SVG image. Choose the logo file in one of those formats.`
  )
}

function finish(
  mime: StoredLogo['mime'],
  data: Buffer,
  size: { width: number; height: number } | null
): StoredLogo {
  if (size !== null && (size.width > MAX_PIXELS || size.height > MAX_PIXELS)) {
    throw new ApiError(
      'invalid_input',
      `The logo is ${size.width} × ${size.height} pixels; use one of at most ${MAX_PIXELS} pixels a side.`
    )
  }
  if (size !== null && (size.width === 0 || size.height === 0)) {
    throw new ApiError('invalid_input', 'The logo image has no size.')
  }
  return {
    hash: createHash('sha256').update(data).digest('hex'),
    mime,
    data,
    width: size?.width ?? null,
    height: size?.height ?? null
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return null
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return null
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

export function jpegSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) return null
  let offset = 2
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return null
    const marker = bytes[offset + 1] as number
    const length = bytes.readUInt16BE(offset + 2)
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) }
    }
    offset += 2 + length
  }
  return null
}

function svgSize(svg: string): { width: number; height: number } | null {
  const viewBox = /viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/i.exec(svg)
  if (viewBox) return { width: Number(viewBox[1]), height: Number(viewBox[2]) }
  const w = /\swidth="([\d.]+)(?:px)?"/i.exec(svg)
  const h = /\sheight="([\d.]+)(?:px)?"/i.exec(svg)
  return w && h ? { width: Number(w[1]), height: Number(h[1]) } : null
}
