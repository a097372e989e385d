export { NpcsPage as Component } from '@/features/npcs'
