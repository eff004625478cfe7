import { Link } from 'react-router-dom';
import { EmptyState } from '../ui/states';

export function NotFoundPage() {
  return (
    <div className="page">
      <EmptyState icon="alert" title="Page not found" action={<Link to="/">Back to your bots</Link>}>
        This address does not match any page. The bot or run may have been deleted.
      </EmptyState>
    </div>
  );
}
