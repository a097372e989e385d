import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach, vi } from 'vitest'

// Pure modules' tests run in the node environment (no window); component tests in jsdom.
const dom = typeof window !== 'undefined'

// findBy*/waitFor are deadlines on a condition: 1 s (the default) is too short on a loaded shared box.
configure({ asyncUtilTimeout: 5000 })

// recharts' ResponsiveContainer measures with ResizeObserver, which jsdom lacks.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
const stubResizeObserver = () => {
  if (dom && !('ResizeObserver' in globalThis)) vi.stubGlobal('ResizeObserver', ResizeObserverStub)
}
stubResizeObserver()

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
  if (!dom) return
  cleanup()
  window.sessionStorage.clear()
  delete window.__LANGOMNI__
  stubResizeObserver()
})
