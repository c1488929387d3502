import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Real offline voices for Chromium's speechSynthesis on a headless Linux machine (read aloud).
 * Chromium reaches the system's voices through speech-dispatcher, and only when started with
 * --enable-speech-dispatcher; its client library starts the daemon itself (autospawn) with
 * Chromium's environment. At its defaults the daemon tries PulseAudio, which a CI machine does not
 * run: the module then fails to open a sound device and nothing is spoken. So Chromium gets a HOME
 * and XDG dirs of its own, made here, where
 * - speechd.conf sends audio to libao and loads espeak-ng as the one module, and
 * - ~/.libao names libao's built-in `null` driver: audio is synthesized and thrown away, so
 *   utterances start and end in real time with no sound card;
 * - XDG_RUNTIME_DIR holds the daemon's socket, so each launch has a daemon of its own that
 *   exits 5 s after its last client (Chromium) goes.
 * Needs the Debian packages speech-dispatcher and speech-dispatcher-espeak-ng (see .ci/run).
 */
export const SPEECH_ARGS = ['--enable-speech-dispatcher']

const SPEECHD_CONF = `# Written by test/e2e/speech-env.ts for a headless machine.
AudioOutputMethod "libao"
AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"
DefaultModule espeak-ng
Timeout 5
LogLevel 2
`

export function speechEnv(): NodeJS.ProcessEnv {
  if (!existsSync('/usr/lib/speech-dispatcher-modules/sd_espeak-ng')) {
    throw new Error(
      'Read-aloud tests need real voices: apt-get install speech-dispatcher speech-dispatcher-espeak-ng'
    )
  }
  const home = mkdtempSync(join(tmpdir(), 'pointbook-speech-'))
  const config = join(home, '.config')
  const runtime = join(home, 'run')
  mkdirSync(join(config, 'speech-dispatcher'), { recursive: true })
  mkdirSync(runtime, { mode: 0o700 })
  writeFileSync(join(config, 'speech-dispatcher', 'speechd.conf'), SPEECHD_CONF)
  writeFileSync(join(home, '.libao'), 'default_driver=null\n')
  return { ...process.env, HOME: home, XDG_CONFIG_HOME: config, XDG_RUNTIME_DIR: runtime }
}
