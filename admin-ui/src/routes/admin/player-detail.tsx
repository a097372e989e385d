export { PlayerDetailPage as Component } from '@/features/players'
