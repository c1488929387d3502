import { PlusIcon } from '../../components/icons'
import { Link } from '../../lib/link'
import { paths } from './paths'
import { useEditsOffReason } from '../role/role-context'

/** "New article", or a disabled button saying why when the library is read-only. */
export function NewArticleButton({
  readOnly,
  label = 'New article'
}: {
  readOnly: boolean
  label?: string
}) {
  const editsOff = useEditsOffReason()
  if (readOnly) {
    return (
      <button type="button" className="button button--primary" disabled title={editsOff}>
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
