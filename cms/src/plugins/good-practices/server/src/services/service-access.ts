/** Typed access to the plugin's services (Strapi's registry returns untyped services). */
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../plugin-id';
import type { ServiceName, ServiceOf } from './index';

export function getService<Name extends ServiceName>(strapi: Core.Strapi, name: Name): ServiceOf<Name> {
  return strapi.plugin(PLUGIN_ID).service(name) as ServiceOf<Name>;
}
