import { screen, waitFor, within } from '@testing-library/react'
import mermaid from 'mermaid'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { openTestLibrary } from './real-core'
import type { ArticleSeed } from './real-core'
import { currentHash, expectAccessible, main, renderApp, SEEDS } from './render-app'

// jsdom cannot lay out SVG, so mermaid itself is replaced: a source containing BROKEN fails
// like a syntax error, HOSTILE returns an SVG with everything the sanitizer must remove. Like
// mermaid in sandbox mode (mermaid-config.ts), it adds its drawing frame to the page before its
// first await, removes it when done, and returns the SVG inside a data: frame.
const frames = vi.hoisted(() => ({ sandboxAtCreation: [] as (string | null)[] }))

vi.mock('mermaid', () => {
  const wrapInFrame = (svg: string): string => {
    const bytes = new TextEncoder().encode(`<body style="margin:0">${svg}</body>`)
    const encoded = btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''))
    return `<iframe src="data:text/html;charset=UTF-8;base64,${encoded}" sandbox=""></iframe>`
  }
  const render = vi.fn((id: string, source: string) => {
    // NOFRAME: a mermaid that would draw somewhere else than its frame.
    const frame = document.createElement(source.includes('NOFRAME') ? 'div' : 'iframe')
    frames.sandboxAtCreation.push(frame.getAttribute('sandbox'))
    frame.id = `i${id}`
    document.body.append(frame)
    const drawing = async () => {
      await Promise.resolve()
      if (source.includes('BROKEN')) {
        throw new Error('Parse error on line 2:\nA --> \n------^\nExpecting a node')
      }
      const extra = source.includes('HOSTILE')
        ? '<script>window.__pwned = 1</script><foreignObject><div>html label</div></foreignObject>' +
          '<a href="javascript:alert(1)"><text>click</text></a><image href="https://evil.test/x.png"/>'
        : ''
      return {
        svg: wrapInFrame(
          `<svg id="${id}" xmlns="http://www.w3.org/2000/svg" onload="window.__pwned = 2"><g class="node"><text>${source.length} chars</text></g>${extra}</svg>`
        )
      }
    }
    return drawing().finally(() => frame.remove())
  })
  return {
    default: { initialize: vi.fn(), mermaidAPI: { defaultConfig: { secure: ['secure'] }, render } }
  }
})

const render = vi.mocked(mermaid.mermaidAPI.render)

const DIAGRAM_GOOD = 'flowchart TD\n  A[Assess] --> B[Treat]'
const DIAGRAM_BROKEN = 'flowchart TD\n  A --> BROKEN -->'

function libraryWith(body: string, extra: Partial<ArticleSeed> = {}) {
  return openTestLibrary({
    articles: [
      ...SEEDS,
      {
        id: 'course-of-care',
        title: 'Course of care',
        category: 'course-of-care',
        tags: ['planning'],
        summary: 'How many sessions, how often.',
        isBuiltin: true,
        body,
        ...extra
      }
    ]
  })
}

describe('article view', () => {
  beforeEach(() => {
    render.mockClear()
    frames.sandboxAtCreation.length = 0
    vi.mocked(mermaid.initialize).mockClear()
  })

  it('says when the clinic last edited its own article', async () => {
    await renderApp('#/articles/neck-pain-clinic-notes')
    await screen.findByRole('heading', { level: 1 })
    const edited = screen.getByText(/Last edited/).querySelector('time') as HTMLElement
    expect(edited).toHaveAttribute('datetime', expect.stringMatching(/^\d{4}-\d\d-\d\dT/))
    expect(screen.queryByText('Unchanged')).not.toBeInTheDocument()
  })

  it('renders title, metadata, markdown, references and links', async () => {
    await renderApp('#/articles/what-is-ims')
    expect(await screen.findByRole('heading', { level: 1, name: 'What is IMS?' })).toBeVisible()
    expect(screen.getByText('Intramuscular stimulation in one page.')).toBeInTheDocument()
    expect(screen.getByText('Built-in')).toBeInTheDocument()
    // Nobody has edited it: its date is the install's, so no "Last edited just now".
    expect(screen.getByText('Unchanged')).toBeInTheDocument()
    expect(screen.queryByText(/Last edited/)).not.toBeInTheDocument()

    const body = await screen.findByRole('region', { name: 'Article text' })
    expect(
      await within(body).findByRole('heading', { level: 2, name: 'How it works' })
    ).toBeVisible()
    expect(within(body).getByText('neuropathic').tagName).toBe('STRONG')
    expect(within(body).getAllByRole('listitem')).toHaveLength(2)

    const refs = screen.getByRole('region', { name: 'References' })
    expect(within(refs).getByRole('listitem')).toHaveTextContent(
      'Gunn CC. The Gunn Approach to the Treatment of Chronic Pain. Churchill Livingstone, 1996. https://example.org/gunn'
    )
    expect(within(refs).queryByRole('link')).not.toBeInTheDocument()

    const related = screen.getByRole('region', { name: 'Related articles' })
    expect(within(related).getAllByRole('link', { name: 'What is acupuncture?' })).toHaveLength(2)
    expect(within(related).getByText('Linked from')).toBeInTheDocument()
    // No diagrams: mermaid is never loaded.
    expect(mermaid.initialize).not.toHaveBeenCalled()
    await expectAccessible()
  })

  it('draws diagrams lazily, caches them, and explains a broken one inline', async () => {
    const body = [
      'Intro text.',
      '',
      '```mermaid',
      DIAGRAM_GOOD,
      '```',
      '',
      '```mermaid',
      DIAGRAM_BROKEN,
      '```',
      '',
      'Closing text.'
    ].join('\n')
    const { library } = await renderApp('#/articles/course-of-care', await libraryWith(body))
    const text = await screen.findByRole('region', { name: 'Article text' })
    expect(await within(text).findByText('Closing text.')).toBeInTheDocument()

    const error = await within(text).findByText(
      /^This diagram could not be drawn: Parse error on line 2/
    )
    expect(error.closest('figure')?.querySelector('pre')).toHaveTextContent('A --> BROKEN -->')
    const drawn = within(text).getByRole('img', { name: 'Diagram 1' })
    expect(drawn.tagName.toLowerCase()).toBe('svg')
    expect(mermaid.initialize).toHaveBeenCalledWith(
      expect.objectContaining({
        startOnLoad: false,
        securityLevel: 'sandbox',
        secure: expect.arrayContaining(['secure', 'themeCSS', 'themeVariables', 'fontFamily']),
        htmlLabels: false,
        theme: 'base',
        themeVariables: expect.objectContaining({
          primaryColor: '#e3f0f0',
          primaryBorderColor: '#0b5f66'
        }),
        flowchart: { htmlLabels: false }
      })
    )
    await waitFor(async () =>
      expect((await library.call('diagrams:get', { source: DIAGRAM_GOOD })).svg).toMatch(/^<svg/)
    )
    expect((await library.call('diagrams:get', { source: DIAGRAM_BROKEN })).svg).toBeNull()
    // Each drawing frame was script-less from the moment it was made, and none is left behind.
    expect(frames.sandboxAtCreation).toEqual(['allow-same-origin', 'allow-same-origin'])
    expect(document.querySelector('iframe')).toBeNull()
    await expectAccessible()
  })

  it('refuses a drawing that was not made in the script-less frame', async () => {
    const source = 'flowchart LR\n  NOFRAME --> Elsewhere'
    await renderApp(
      '#/articles/course-of-care',
      await libraryWith(['```mermaid', source, '```'].join('\n'))
    )
    const text = await screen.findByRole('region', { name: 'Article text' })
    expect(await within(text).findByText(/did not use its protected frame/)).toBeInTheDocument()
    expect(within(text).queryByRole('img')).not.toBeInTheDocument()
  })

  it('uses the cached SVG instead of running mermaid again', async () => {
    const source = 'flowchart LR\n  Cached --> Only'
    const library = await libraryWith(['```mermaid', source, '```'].join('\n'))
    await library.call('diagrams:put', {
      source,
      svg: '<svg xmlns="http://www.w3.org/2000/svg"><text>from cache</text></svg>'
    })
    await renderApp('#/articles/course-of-care', library)
    expect(await screen.findByText('from cache')).toBeInTheDocument()
    expect(render).not.toHaveBeenCalled()
  })

  it('draws diagrams in the editor preview without storing drafts in the cache', async () => {
    const source = 'flowchart TD\n  Draft --> Preview'
    const { library } = await renderApp(
      '#/articles/course-of-care/edit',
      await libraryWith(['```mermaid', source, '```'].join('\n'))
    )
    const preview = await screen.findByRole('region', { name: 'Preview' })
    expect(await within(preview).findByRole('img', { name: 'Diagram 1' })).toBeInTheDocument()
    expect(render).toHaveBeenCalledTimes(1)
    expect(library.callsTo('diagrams:put')).toHaveLength(0)
  })

  it('sanitizes hostile markdown and hostile SVG', async () => {
    const body = [
      '<script>window.__pwned = 3</script>',
      '<img src=x onerror="window.__pwned = 4">',
      '[click me](javascript:alert(1))',
      '',
      '```mermaid',
      'flowchart TD\n  HOSTILE --> X',
      '```'
    ].join('\n')
    await renderApp('#/articles/course-of-care', await libraryWith(body))
    const text = await screen.findByRole('region', { name: 'Article text' })
    await within(text).findByRole('img', { name: 'Diagram 1' })
    const html = main().innerHTML
    for (const bad of [
      '<script',
      'onerror',
      'onload',
      'javascript:',
      '<foreignObject',
      '<iframe',
      'evil.test'
    ]) {
      expect(html).not.toContain(bad)
    }
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined()
  })

  it('opens article links in the app and keeps external links out of the window', async () => {
    const body = 'See [IMS](article:what-is-ims) or [the web](https://example.org/page).'
    const { user } = await renderApp('#/articles/course-of-care', await libraryWith(body))
    const text = await screen.findByRole('region', { name: 'Article text' })
    const external = await within(text).findByRole('link', { name: 'the web' })
    await user.click(external)
    expect(currentHash()).toBe('#/articles/course-of-care')
    await user.click(within(text).getByRole('link', { name: 'IMS' }))
    expect(currentHash()).toBe('#/articles/what-is-ims')
    expect(await screen.findByRole('heading', { level: 1, name: 'What is IMS?' })).toBeVisible()
  })

  it('resets an edited built-in article after confirming, and says when a newer text exists', async () => {
    const library = await libraryWith('First shipped text.', {
      edits: [{ body: 'Our own text.' }],
      shippedLater: { body: 'Original text.' }
    })
    const { user } = await renderApp('#/articles/course-of-care', library)
    expect(
      await screen.findByText(/A newer built-in version of this article is available/)
    ).toBeInTheDocument()
    expect(screen.getByText('Edited')).toBeInTheDocument()
    await expectAccessible()

    await user.click(
      within(screen.getByRole('toolbar')).getByRole('button', { name: 'Reset to built-in…' })
    )
    const dialog = screen.getByRole('alertdialog', { name: 'Reset to the built-in text?' })
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await expectAccessible()
    await user.click(within(dialog).getByRole('button', { name: 'Reset to built-in' }))
    expect(await screen.findByText('Original text.')).toBeInTheDocument()
    expect(screen.getByText('Built-in')).toBeInTheDocument()
    expect(screen.queryByText(/A newer built-in version/)).not.toBeInTheDocument()
    const [latest] = await library.call('articles:revisions', { id: 'course-of-care' })
    expect(latest?.source).toBe('reset')
  })

  it('moves an article to the bin with undo', async () => {
    const { user, library } = await renderApp('#/articles/neck-pain-clinic-notes')
    await user.click(await screen.findByRole('button', { name: 'Move to bin' }))
    expect(
      await screen.findByText('“Neck pain: clinic notes” was moved to the bin.')
    ).toBeInTheDocument()
    expect(currentHash()).toBe('#/articles')
    expect((await library.article('neck-pain-clinic-notes')).deletedAt).not.toBeNull()
    await user.click(screen.getByRole('button', { name: 'Undo' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Neck pain: clinic notes' })
    ).toBeVisible()
    expect((await library.article('neck-pain-clinic-notes')).deletedAt).toBeNull()
  })

  it('explains a missing article and offers the way back', async () => {
    await renderApp('#/articles/no-such-article')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Article not found' })
    ).toBeVisible()
    expect(screen.getByRole('alert')).toHaveTextContent('This article does not exist.')
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument()
    await expectAccessible()
  })

  it('offers a retry when opening fails', async () => {
    const library = await openTestLibrary({ articles: SEEDS })
    library.closeDatabase()
    const { user } = await renderApp('#/articles/what-is-ims', library)
    expect(await screen.findByText('The article could not be opened.')).toBeInTheDocument()
    library.reopen()
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'What is IMS?' })).toBeVisible()
  })
})
