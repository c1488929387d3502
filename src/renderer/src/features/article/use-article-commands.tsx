import type { Article } from '../../../../shared/api/articles'
import { useConfirm } from '../../components/confirm'
import { useToast } from '../../components/toast'
import { api } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { useBusyAction } from '../../lib/use-busy-action'
import { navigate } from '../../lib/router'
import { paths } from '../library/paths'

/** Move to the bin (with Undo), restore from the bin, reset to the built-in text (confirmed). */
export function useArticleCommands(article: Article, onChanged: (article: Article) => void) {
  const confirm = useConfirm()
  const toast = useToast()
  const { busy, run } = useBusyAction()

  const moveToBin = () =>
    run(async () => {
      await api.articles.delete({ id: article.id })
      await navigate(paths.library())
      toast({
        message: `“${article.title}” was moved to the bin.`,
        action: {
          label: 'Undo',
          run: async () => {
            try {
              await api.articles.undelete({ id: article.id })
              await navigate(paths.article(article.id))
            } catch (error) {
              toast({ message: errorMessage(error), tone: 'error' })
            }
          }
        }
      })
    })

  const restore = () =>
    run(async () => {
      onChanged(await api.articles.undelete({ id: article.id }))
      toast({ message: `Restored “${article.title}”.` })
    })

  const resetToBuiltin = () =>
    run(async () => {
      const ok = await confirm({
        title: 'Reset to the built-in text?',
        message: (
          <p>
            The article goes back to the text shipped with Pointbook. Your edited version is kept in
            the history and can be restored from there.
          </p>
        ),
        confirmLabel: 'Reset to built-in',
        danger: true
      })
      if (!ok) return
      onChanged(await api.articles.resetToBuiltin({ id: article.id }))
      toast({ message: 'The article now shows the built-in text.' })
    })

  return { busy, moveToBin, restore, resetToBuiltin }
}
