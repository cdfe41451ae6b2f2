import { useAuth } from '@strapi/strapi/admin';
import { Navigate } from 'react-router-dom';
import { PRACTICES_PATH, readsPractices } from './criteria-framework';

/**
 * The Content Manager's own address (`/admin/content-manager`, where the main menu's "Content
 * Manager" leads) opens the practices' list. Registered as the index of an exact route
 * `content-manager` (admin/src/index.ts), which React Router ranks above the Content Manager's
 * `content-manager/*` (an index route of a static path outscores a splat and its index);
 * left alone, the Content Manager would open its first type in alphabetical order ("Checklist
 * item", or "Inspiring tool" for an editor). A user who may not read practices goes on to the
 * Content Manager's choice: an address under it that names no type, where it picks one.
 */
export default function LandOnPractices() {
  const permissions = useAuth('LandOnPractices', (auth) => auth.permissions);
  return <Navigate to={readsPractices(permissions) ? PRACTICES_PATH : '/content-manager/collection-types'} replace />;
}
