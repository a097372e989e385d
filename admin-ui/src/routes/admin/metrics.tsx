export { MetricsPage as Component } from '@/features/metrics'
