export { ArchitecturePage as Component } from '@/features/architecture'
