export { PlayersPage as Component } from '@/features/players'
