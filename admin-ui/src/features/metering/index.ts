export { meteringKeys, meteringUnsupported, useMetering } from './api'
export { BudgetPanel } from './components/budget-panel'
export { CostCard } from './components/cost-card'
export { METERING_PLAYER_LIMIT, type Metering, type PlayerBudget } from './schema'
