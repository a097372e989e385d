export { AdminLayout as Component } from '@/components/layout/admin-layout'
