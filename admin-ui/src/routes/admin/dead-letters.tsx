export { DeadLettersPage as Component } from '@/features/dead-letters'
