import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { createServer } from 'node:net'
import type { AddressInfo, Server } from 'node:net'
import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { NETWORK_FOLDER } from '../../src/main/core/network/certificate'
import { HUB_PORT_RANGE_MESSAGE } from '../../src/shared/network/constants'
import { freePort } from '../support/free-port'
import { openTestLibrary } from './real-core'
import { expectAccessible, renderApp } from './render-app'

/**
 * Settings → Clinic network on a computer that shares its library (a real hub on 127.0.0.1): the
 * clinic changes the hub's port, is told plainly when another program uses the one it chose, and
 * the hub stays where it was until a free one is chosen.
 */
const servers: Server[] = []
afterEach(() => {
  for (const server of servers.splice(0)) server.close()
})

/** A port another program listens on (on this computer's loopback, where the test hub listens). */
async function takenPort(): Promise<number> {
  const server = createServer()
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

/**
 * The hub's certificate, made here with openssl where the hub would make its own on the first
 * share: under jsdom, the WebCrypto signing that makes it refuses the page realm's byte arrays.
 * The hub reads a certificate it finds back as its own (certificate.ts).
 */
function giveHubCertificate(dataDir: string): void {
  const folder = join(dataDir, NETWORK_FOLDER)
  mkdirSync(folder, { recursive: true })
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      join(folder, 'hub-key.pem'),
      '-out',
      join(folder, 'hub-certificate.pem'),
      '-days',
      '30',
      '-subj',
      '/CN=Pointbook clinic hub'
    ],
    { stdio: 'pipe' }
  )
}

describe('the hub’s port in Settings → Clinic network', () => {
  it('changes the port, refusing one in use with a clear message and a number out of range', async () => {
    const [first, next, taken] = [await freePort(), await freePort(), await takenPort()]
    const library = await openTestLibrary({})
    giveHubCertificate(library.dataDir)
    await library.call('network:share', {
      libraryName: 'North Clinic',
      passphrase: 'north clinic 2026',
      port: first
    })
    const { user } = await renderApp('#/settings/clinic-network', library)
    await user.click(await screen.findByRole('button', { name: 'Change the port' }))
    const form = screen.getByRole('form', { name: 'The hub’s port' })
    const field = within(form).getByLabelText('New port')
    expect(field).toHaveValue(String(first))
    await expectAccessible()

    // Out of range: said before anything is asked of the core.
    await user.clear(field)
    await user.type(field, '80')
    await user.click(within(form).getByRole('button', { name: 'Use this port' }))
    expect(await within(form).findByRole('alert')).toHaveTextContent(HUB_PORT_RANGE_MESSAGE)
    expect(library.callsTo('network:setHubPort')).toEqual([])

    // In use by another program: the core refuses it and the hub stays on its port.
    await user.clear(field)
    await user.type(field, String(taken))
    await user.click(within(form).getByRole('button', { name: 'Use this port' }))
    await waitFor(() =>
      expect(within(form).getByRole('alert')).toHaveTextContent(
        `Port ${taken} is used by another program on this computer. Choose another number from 1024 to 65535.`
      )
    )
    expect((await library.call('network:status', {})).hub).toMatchObject({
      running: true,
      port: first
    })

    await user.clear(field)
    await user.type(field, String(next))
    await user.click(within(form).getByRole('button', { name: 'Use this port' }))
    expect(await screen.findByText(`The hub uses port ${next}.`)).toBeInTheDocument()
    expect(screen.queryByRole('form', { name: 'The hub’s port' })).not.toBeInTheDocument()
    expect(screen.getAllByText(new RegExp(`:${next}$`)).length).toBeGreaterThan(0)
    expect((await library.call('network:status', {})).hub).toMatchObject({
      running: true,
      port: next
    })
  })
})
