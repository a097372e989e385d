export { WorldPage as Component } from '@/features/world'
