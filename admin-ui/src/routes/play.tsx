export { PlayPage as Component } from '@/features/play'
