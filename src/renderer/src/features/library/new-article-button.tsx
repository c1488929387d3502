import { PlusIcon } from '../../components/icons'
import { Link } from '../../lib/link'
import { paths } from './paths'

/** "New article", or a disabled button saying why when the library is read-only. */
export function NewArticleButton({
  readOnly,
  label = 'New article'
}: {
  readOnly: boolean
  label?: string
}) {
  if (readOnly) {
    return (
      <button
        type="button"
        className="button button--primary"
        disabled
        title="The library is read-only"
      >
        <PlusIcon />
        {label}
      </button>
    )
  }
  return (
    <Link to={paths.newArticle()} className="button button--primary">
      <PlusIcon />
      {label}
    </Link>
  )
}
