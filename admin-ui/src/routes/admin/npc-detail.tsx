export { NpcDetailPage as Component } from '@/features/npcs'
