import { Navigate } from 'react-router';
import { useSession } from '../auth/use-session';
import { homePathOf } from './menu';

export function HomeRedirect() {
  const { user } = useSession();
  return <Navigate to={homePathOf(user.role)} replace />;
}
